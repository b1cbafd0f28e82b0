package dev.opsshell.remote.driver.digitalocean;

import dev.opsshell.core.driver.DriverException;
import dev.opsshell.core.driver.Instance;
import dev.opsshell.core.driver.InstanceState;
import dev.opsshell.core.driver.JobContext;
import dev.opsshell.core.system.Machine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The digitalocean driver's own promises against {@link FakeDigitalOcean}, one behaviour each. */
class DigitalOceanDriverTest {
    FakeDigitalOcean fake;
    DigitalOceanDriver driver;

    @BeforeEach
    void start() throws IOException {
        fake = new FakeDigitalOcean();
        driver = DigitalOceanLab.driver(fake);
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private Machine machine() {
        return DigitalOceanLab.machine(DigitalOceanLab.section(fake));
    }

    @Test
    void createWaitsUntilTheDropletIsActiveAndHasAPublicAddress() {
        fake.droplets.newFor = Duration.ofMillis(400);
        fake.droplets.addressAfter = Duration.ofMillis(400);
        Instance made = driver.create(machine(), JobContext.none());
        assertEquals(InstanceState.RUNNING, made.state());
        assertNotNull(made.ip(), "create gives the public IPv4: " + made);
        assertTrue(made.ip().startsWith("203.0.113."), "the public address, not the private one: " + made.ip());
    }

    @Test
    void theDropletCarriesTheSystemsTagsSizeSshKeysVpcAndCloudInitUserData() {
        Machine m = machine();
        m = m.withDriver(m.driver().with("ssh_keys", "512189, 3b:16:bf:e4:8b:00:8b:b8:59:8c:a9:d3:f0:19:45:fa")
                .with("tags", "env:prod,web").with("vpc_uuid", "760e09ef-dc84-11e8-981e-3cfdfeaae000"));
        driver.create(m, JobContext.none());
        Map<String, Object> body = fake.droplets.lastCreateBody;
        assertEquals(List.of("ops", "ops-system-" + m.id(), "env:prod", "web"), body.get("tags"));
        assertEquals("web", body.get("name"));
        assertEquals("s-1vcpu-1gb", body.get("size"), "small (1 cpu, 1 GiB) maps to s-1vcpu-1gb");
        assertEquals(List.of("512189", "3b:16:bf:e4:8b:00:8b:b8:59:8c:a9:d3:f0:19:45:fa"), body.get("ssh_keys"));
        assertEquals("760e09ef-dc84-11e8-981e-3cfdfeaae000", body.get("vpc_uuid"));
        String userData = fake.droplets.userData(m.id());
        assertTrue(userData.startsWith("#cloud-config\n") && userData.contains("hostname: web")
                && userData.contains("name: deploy"), userData);
    }

    @Test
    void aPrivateKeyAsSshKeyFileIsRefusedNamingTheSettingAndNothingIsMade(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws IOException {
        java.nio.file.Path key = java.nio.file.Files.writeString(dir.resolve("id_ed25519"),
                "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----\n");
        Machine m = machine();
        DriverException e = assertThrows(DriverException.class,
                () -> driver.create(m.withDriver(m.driver().with("ssh_key_file", key.toString())), JobContext.none()));
        assertTrue(e.getMessage().contains("digitalocean setting ssh_key_file") && e.getMessage().contains("private key"), e.getMessage());
        assertFalse(e.getMessage().contains("b3BlbnNzaC1rZXktdjEAAAAA"), "the key is never printed");
        assertEquals(0, fake.droplets.count());
    }

    @Test
    void aSizeSettingOverridesTheSizeMap() {
        Machine m = machine();
        driver.create(m.withDriver(m.driver().with("size", "s-2vcpu-2gb")), JobContext.none());
        assertEquals("s-2vcpu-2gb", fake.droplets.lastCreateBody.get("size"));
    }

    @Test
    void aCreateWhoseAnswerWasLostDoesNotMakeASecondDroplet() {
        fake.loseCreateAnswers.set(1);
        Machine m = machine();
        Instance made = driver.create(m, JobContext.none());
        assertEquals(InstanceState.RUNNING, made.state());
        assertEquals(Map.of("ops-system-" + m.id(), 1), fake.droplets.perSystem(), "one droplet, though the first answer was a 500");
    }

    @Test
    void aBadRegionIsTheApisUnprocessableEntityWithItsMessageAndNothingIsMade() {
        Machine m = machine();
        DriverException e = assertThrows(DriverException.class,
                () -> driver.create(m.withDriver(m.driver().with("region", "mars1")), JobContext.none()));
        assertEquals("unprocessable_entity", e.code());
        assertTrue(e.getMessage().contains("You specified an invalid region for Droplet creation.")
                && e.getMessage().contains(m.id()) && e.getMessage().contains("nothing was made"), e.getMessage());
        assertEquals(0, fake.droplets.count());
    }

    @Test
    void aBadSizeIsTheApisUnprocessableEntity() {
        Machine m = machine();
        DriverException e = assertThrows(DriverException.class,
                () -> driver.create(m.withDriver(m.driver().with("size", "s-64vcpu-1tb")), JobContext.none()));
        assertEquals("unprocessable_entity", e.code());
        assertTrue(e.getMessage().contains("invalid size"), e.getMessage());
    }

    @Test
    void aMachineThatIsNotThereIsTheApisNotFound() {
        DriverException e = assertThrows(DriverException.class,
                () -> driver.start(machine().withRef("999999"), JobContext.none()));
        assertEquals("not_found", e.code());
    }

    @Test
    void aRateLimitedCallWaitsItsRetryAfterAndSucceeds() {
        fake.throttleEvery = 3;
        fake.retryAfterSeconds = 1;
        Machine m = machine();
        Machine made = m.withRef(driver.create(m, JobContext.none()).ref());
        for (int i = 0; i < 6; i++) assertEquals(InstanceState.RUNNING, driver.status(made).state());
        assertTrue(fake.throttled.get() > 0, "the endpoint throttled some calls");
        assertEquals(0, fake.earlyRetries.get(), "no call came back before its Retry-After had passed");
        assertEquals(Map.of("ops-system-" + m.id(), 1), fake.droplets.perSystem());
    }

    @Test
    void callsSlowDownAsTheRateLimitRunsOutInsteadOfHittingIt() {
        Machine m = machine();
        Machine made = m.withRef(driver.create(m, JobContext.none()).ref());
        fake.rateLimit(10, 1);
        for (int i = 0; i < 25; i++) assertEquals(InstanceState.RUNNING, driver.status(made).state());
        assertEquals(0, fake.overLimit.get(), "no call went past RateLimit-Remaining 0");
    }

    @Test
    void listFollowsThePagesAndKnowsOpssDroplets() {
        fake.pageSize = 2;
        for (int i = 0; i < 5; i++) {
            fake.droplets.create("old-" + i, "nyc3", "s-1vcpu-1gb", "debian-12-x64", List.of("ops", "ops-system-sys" + i), null);
        }
        fake.droplets.create("not-ops", "nyc3", "s-1vcpu-1gb", "debian-12-x64", List.of("other"), null);
        List<Instance> listed = driver.list();
        assertEquals(List.of("sys0", "sys1", "sys2", "sys3", "sys4"), listed.stream().map(Instance::systemId).sorted().toList());
    }

    @Test
    void aGracefulStopTheGuestIgnoresEndsPoweredOff() {
        Machine m = machine();
        Machine made = m.withRef(driver.create(m, JobContext.none()).ref());
        fake.droplets.ignoreShutdown = true;
        driver.stop(made, Duration.ofMillis(300), JobContext.none());
        assertEquals(InstanceState.STOPPED, driver.status(made).state());
    }

    @Test
    void aCancelledCreateStopsWaitingAndRemovesTheDroplet() {
        fake.droplets.newFor = Duration.ofMinutes(5);
        AtomicBoolean cancelled = new AtomicBoolean();
        Machine m = machine();
        JobContext job = new JobContext() {
            public String jobId() { return "j1"; }
            public void step(String what) { if (what.startsWith("waiting")) cancelled.set(true); }
            public boolean cancelled() { return cancelled.get(); }
        };
        DriverException e = assertThrows(DriverException.class, () -> driver.create(m, job));
        assertTrue(e.getMessage().contains("cancelled") && e.getMessage().contains("removed the droplet"), e.getMessage());
        assertEquals(List.of(), fake.droplets.traces(m.id()));
    }

    @Test
    void aWrongTokenIsTheApisUnauthorizedAndTheTokenIsNeverInTheMessage() {
        String wrong = "dop_v1_wrong0000000000000000000000000000000000000000000000000000000000";
        DigitalOceanDriver bad = DigitalOceanLab.driver(fake.url(), wrong);
        DriverException e = assertThrows(DriverException.class, bad::list);
        assertEquals("Unauthorized", e.code());
        assertTrue(e.getMessage().contains("Unable to authenticate you") && e.getMessage().contains("DIGITALOCEAN_ACCESS_TOKEN"), e.getMessage());
        assertFalse(e.getMessage().contains(wrong), "the token is never printed");
        assertFalse(String.valueOf(bad).contains(wrong) || new DigitalOceanToken(wrong).toString().contains(wrong));
    }

    @Test
    void anUnreachableEndpointIsAClearErrorNamingTheUrl() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        URI nowhere = URI.create("http://127.0.0.1:" + port);
        DriverException e = assertThrows(DriverException.class,
                () -> DigitalOceanLab.driver(nowhere, FakeDigitalOcean.TOKEN).create(machine(), JobContext.none()));
        assertEquals("unreachable", e.code());
        assertTrue(e.getMessage().contains(nowhere.toString()) && e.getMessage().contains("api_url"), e.getMessage());
        assertFalse(e.getMessage().contains(FakeDigitalOcean.TOKEN));
    }
}
