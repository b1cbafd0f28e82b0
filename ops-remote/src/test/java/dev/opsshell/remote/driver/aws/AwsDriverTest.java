package dev.opsshell.remote.driver.aws;

import dev.opsshell.core.driver.Driver;
import dev.opsshell.core.driver.DriverException;
import dev.opsshell.core.driver.Instance;
import dev.opsshell.core.driver.InstanceState;
import dev.opsshell.core.driver.JobContext;
import dev.opsshell.core.system.Machine;
import dev.opsshell.core.system.Size;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What real EC2 does to a client, each reproduced by {@link Ec2Endpoint} and met by the aws
 * driver through the real SDK: eventual consistency, throttling, lost replies, instances stuck in
 * pending, capacity errors, unknown key pairs and security groups, a guest ignoring a graceful stop.
 */
class AwsDriverTest {
    Ec2Endpoint endpoint;
    Driver driver;

    @BeforeEach
    void open() throws Exception {
        AwsLab.credentials();
        endpoint = new Ec2Endpoint();
        driver = new AwsProvider().open(AwsLab.section(endpoint));
    }

    @AfterEach
    void close() {
        driver.close();
        endpoint.close();
    }

    Machine machine(String... settings) {
        return AwsLab.machine(AwsLab.section(endpoint, settings));
    }

    @Test
    void createRunsOneTaggedInstanceWithTheKvmCloudInitAsUserData() {
        Machine m = machine("key_name", "ops-key", "security_groups", "sg-0ops", "tags", "team=ops,env=test");
        Instance i = driver.create(m, JobContext.none());
        assertEquals(InstanceState.RUNNING, i.state());
        assertEquals(m.id(), i.systemId());
        assertEquals("web-" + m.id(), i.name());
        assertTrue(i.ip() != null && i.ip().startsWith("203.0.113."), "the public address: " + i);
        FakeInstance made = endpoint.ec2.all().get(0);
        assertEquals("t3.micro", made.type, "tiny maps to t3.micro");
        assertEquals("ops-key", made.keyName);
        assertEquals(List.of("sg-0ops"), made.groups);
        assertEquals(Map.of("ops:system-id", m.id(), "Name", "web-" + m.id(), "team", "ops", "env", "test"), made.tags);
        assertEquals(RunToken.of(m.id(), "none"), made.clientToken);
        String userData = new String(Base64.getDecoder().decode(made.userData), StandardCharsets.UTF_8);
        assertTrue(userData.startsWith("#cloud-config\n") && userData.contains("hostname: web") && userData.contains("name: deploy"), userData);
    }

    @Test
    void sizesMapToInstanceTypesAndTheSettingOverrides() {
        Machine xl = machine();
        Machine big = new Machine(xl.id(), "big", null, null, null, Size.XLARGE.cpu(), Size.XLARGE.ramMb(), List.of(), null,
                null, null, null, xl.driver(), null, null, null);
        assertEquals("m5.2xlarge", driver.create(big, JobContext.none()) == null ? null : endpoint.ec2.all().get(0).type);
        Machine chosen = machine("instance_type", "c7g.large");
        driver.create(chosen, JobContext.none());
        assertEquals("c7g.large", endpoint.ec2.all().get(1).type);
    }

    @Test
    void aJustStartedInstanceUnknownToDescribeIsWaitedFor() {
        endpoint.ec2.invisibleFor = 5;
        Machine m = machine();
        Instance i = driver.create(m, JobContext.none());
        assertEquals(InstanceState.RUNNING, i.state());
        assertEquals(1, endpoint.ec2.all().size());
        assertEquals(1, endpoint.calls("RunInstances"));
    }

    @Test
    void throttlingIsRetriedWithoutASecondMachine() {
        endpoint.throttle = 0.4;
        List<Machine> ms = new ArrayList<>();
        for (int n = 0; n < 5; n++) ms.add(machine());
        for (Machine m : ms) assertEquals(InstanceState.RUNNING, driver.create(m, JobContext.none()).state());
        assertTrue(endpoint.throttled.get() > 0, "the endpoint throttled some calls");
        for (Machine m : ms) assertEquals(1, endpoint.ec2.live(m.id()).size(), m.id() + ": " + endpoint.ec2.live(m.id()));
    }

    @Test
    void aLostRunInstancesReplyRetriedWithTheSameClientTokenStartsNoSecondMachine() {
        endpoint.loseRunReplies = 0.6;
        List<Machine> ms = new ArrayList<>();
        for (int n = 0; n < 5; n++) ms.add(machine());
        for (Machine m : ms) driver.create(m, JobContext.none());
        assertTrue(endpoint.lostReplies.get() > 0, "some replies were lost");
        for (Machine m : ms) assertEquals(1, endpoint.ec2.live(m.id()).size(), m.id() + ": " + endpoint.ec2.live(m.id()));
        assertEquals(5, endpoint.ec2.all().size());
    }

    @Test
    void aJobRunAgainAfterItsRunInstancesReplyWasLostGetsTheSameInstanceByItsClientToken() {
        // the SDK fills a ClientToken of its own for its retries; a job run again (after a crash, a
        // failure) gets the same instance only through ops's token made from the system and job ids
        endpoint.loseRunReplies = 1.0;
        endpoint.ec2.invisibleFor = 3; // and the lookup by tag does not see it yet
        Machine m = machine();
        JobContext job = new JobContext() {
            public String jobId() { return "job-7"; }
            public void step(String what) { }
            public boolean cancelled() { return false; }
        };
        try (Driver twoAttempts = new AwsProvider().open(AwsLab.section(endpoint, "max_attempts", "2"))) {
            DriverException lost = assertThrows(DriverException.class, () -> twoAttempts.create(m, job));
            assertEquals("InternalError", lost.code());
            endpoint.loseRunReplies = 0;
            Instance again = twoAttempts.create(m, job);
            assertEquals(InstanceState.RUNNING, again.state());
            assertEquals(List.of(again.ref() + " running"), endpoint.ec2.live(m.id()), "one instance, not two");
        }
    }

    @Test
    void anInstanceStuckInPendingEndsInAClearErrorAndIsTerminated() {
        endpoint.ec2.pendingFor = Integer.MAX_VALUE;
        Machine m = machine("wait_seconds", "1");
        DriverException e = assertThrows(DriverException.class, () -> driver.create(m, JobContext.none()));
        assertTrue(e.getMessage().contains("still pending after 1 s") && e.getMessage().contains("wait_seconds")
                && e.getMessage().contains("terminated it again"), e.getMessage());
        assertEquals(List.of(), endpoint.ec2.live(m.id()));
    }

    @Test
    void aCancelledJobStopsTheWaitAndTerminatesTheInstance() {
        endpoint.ec2.pendingFor = Integer.MAX_VALUE;
        Machine m = machine("wait_seconds", "600");
        List<String> steps = new ArrayList<>();
        JobContext cancelledWhileWaiting = new JobContext() {
            public String jobId() { return "job-1"; }
            public void step(String what) { steps.add(what); }
            public boolean cancelled() { return steps.stream().anyMatch(s -> s.startsWith("waiting")); }
        };
        DriverException e = assertThrows(DriverException.class, () -> driver.create(m, cancelledWhileWaiting));
        assertTrue(e.getMessage().contains("cancelled by the operator"), e.getMessage());
        assertEquals(List.of(), endpoint.ec2.live(m.id()));
    }

    @Test
    void insufficientCapacityIsTheSystemsFailureWithEc2sCodeAndMessage() {
        endpoint.ec2.noCapacity = true;
        Machine m = machine();
        DriverException e = assertThrows(DriverException.class, () -> driver.create(m, JobContext.none()));
        assertEquals("InsufficientInstanceCapacity", e.code());
        assertTrue(e.getMessage().contains("We currently do not have sufficient t3.micro capacity")
                && e.getMessage().contains("web-" + m.id()), e.getMessage());
        assertEquals(List.of(), endpoint.ec2.live(m.id()));
        assertEquals(1, endpoint.calls("RunInstances"), "a lasting capacity error (a 500) is not retried");
    }

    @Test
    void anUnknownKeyPairOrSecurityGroupIsNamedWithEc2sCode() {
        DriverException key = assertThrows(DriverException.class, () -> driver.create(machine("key_name", "nobody"), JobContext.none()));
        assertEquals("InvalidKeyPair.NotFound", key.code());
        assertTrue(key.getMessage().contains("The key pair 'nobody' does not exist") && key.getMessage().contains("key_name"), key.getMessage());
        DriverException group = assertThrows(DriverException.class,
                () -> driver.create(machine("security_groups", "sg-0nothere"), JobContext.none()));
        assertEquals("InvalidGroup.NotFound", group.code());
        assertTrue(group.getMessage().contains("sg-0nothere") && group.getMessage().contains("security_groups"), group.getMessage());
        assertEquals(List.of(), endpoint.ec2.all());
    }

    @Test
    void aStopTheGuestIgnoresIsForcedAfterTheGracePeriod() {
        endpoint.ec2.ignoresShutdown = true;
        Machine m = machine();
        Machine made = m.withRef(driver.create(m, JobContext.none()).ref());
        driver.stop(made, Duration.ofMillis(200), JobContext.none());
        assertEquals(InstanceState.STOPPED, driver.status(made).state());
        assertEquals(2, endpoint.calls("StopInstances"), "a graceful stop, then a forced one");
    }

    @Test
    void listShowsInstancesOpsDidNotMakeWithoutASystemId() {
        endpoint.ec2.run(new Ec2Query(Map.of("ImageId", "ami-0other", "InstanceType", "t3.nano")));
        Machine m = machine();
        driver.create(m, JobContext.none());
        List<Instance> all = driver.list();
        assertEquals(2, all.size(), all.toString());
        assertTrue(all.stream().anyMatch(i -> i.systemId() == null), all.toString());
        assertTrue(all.stream().anyMatch(i -> m.id().equals(i.systemId())), all.toString());
    }

    @Test
    void concurrentCreatesShareTheirDescribeInstancesCalls() throws Exception {
        endpoint.ec2.invisibleFor = 1;
        endpoint.ec2.pendingFor = 2;
        int n = 10;
        try (Driver batched = new AwsProvider().open(AwsLab.section(endpoint, "batch_ms", "200"))) {
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(n);
            List<java.util.concurrent.Future<Instance>> made = new ArrayList<>();
            for (int k = 0; k < n; k++) {
                Machine m = machine("poll_ms", "100");
                made.add(pool.submit(() -> batched.create(m, JobContext.none())));
            }
            for (var f : made) assertEquals(InstanceState.RUNNING, f.get().state());
            pool.shutdown();
        }
        // alone, each create asks at least 5 times: the lookup by tag, then unknown, pending, pending, running
        assertEquals(n, endpoint.calls("RunInstances"));
        assertTrue(endpoint.calls("DescribeInstances") <= n * 5 / 2,
                "the waits share DescribeInstances calls: " + endpoint.calls("DescribeInstances") + " for " + n + " creates");
    }

    @Test
    void theUsersPublicKeyGoesInTheUserDataAndAPrivateKeyIsRefused(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path pub = java.nio.file.Files.writeString(dir.resolve("id.pub"), "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOpsAwsKeyOnlyForTests ops@test\n");
        driver.create(machine("ssh_key_file", pub.toString()), JobContext.none());
        String userData = new String(Base64.getDecoder().decode(endpoint.ec2.all().get(0).userData), StandardCharsets.UTF_8);
        assertTrue(userData.contains("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOpsAwsKeyOnlyForTests"), userData);
        java.nio.file.Path key = java.nio.file.Files.writeString(dir.resolve("id"), "-----BEGIN OPENSSH PRIVATE KEY-----\nxx\n");
        DriverException e = assertThrows(DriverException.class, () -> driver.create(machine("ssh_key_file", key.toString()), JobContext.none()));
        assertTrue(e.getMessage().startsWith("aws setting ssh_key_file") && e.getMessage().contains("private key"), e.getMessage());
        assertEquals(1, endpoint.calls("RunInstances"));
    }

    @Test
    void aMissingImageIsRefusedBeforeAnyCall() {
        Machine m = AwsLab.machine(AwsLab.section(endpoint).with("image", null));
        DriverException e = assertThrows(DriverException.class, () -> driver.create(m, JobContext.none()));
        assertTrue(e.getMessage().contains("the aws setting image is missing"), e.getMessage());
        assertEquals(0, endpoint.totalCalls());
        assertNull(endpoint.calls.get("RunInstances"));
    }
}
