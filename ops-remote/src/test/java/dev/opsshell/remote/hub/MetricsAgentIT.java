package dev.opsshell.remote.hub;

import dev.opsshell.core.Session;
import dev.opsshell.core.events.SamplesTaken;
import dev.opsshell.core.host.Host;
import dev.opsshell.core.host.Hosts;
import dev.opsshell.core.metrics.Family;
import dev.opsshell.core.metrics.SampleFilter;
import dev.opsshell.core.metrics.SampleRound;
import dev.opsshell.core.metrics.Sampler;
import dev.opsshell.core.result.Outcome;
import dev.opsshell.core.store.JdbcStore;
import dev.opsshell.core.store.Store;
import dev.opsshell.core.store.StoreLocation;
import dev.opsshell.remote.metrics.AgentReadings;
import dev.opsshell.remote.metrics.ProcTruth;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.opsshell.remote.AgentOps.agent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sampling real agent processes: from the agent's own sampler (one metrics request, no process
 * started on the host) and by the /proc script through the agent's exec; both checked against
 * this machine's /proc, and both giving the same mounts.
 */
class MetricsAgentIT {
    @TempDir
    static Path dir;
    static HubFixture fx;
    static Hosts agents;
    static Store store;

    @BeforeAll
    static void startAgents() throws Exception {
        fx = new HubFixture(dir);
        Session.setCurrent(fx.session);
        fx.accepted("m1");
        fx.accepted("m2");
        agents = Hosts.of("agents", List.of(Host.of("m1"), Host.of("m2"))).via(agent());
        store = JdbcStore.open(StoreLocation.sqlite(dir.resolve("ops.db")));
    }

    @AfterAll
    static void stopAgents() {
        store.close();
        Session.setCurrent(null);
        fx.close();
    }

    @Test
    void theAgentsOwnSamplerGivesEveryFamilyAsProcSaysAndRatesAcrossRounds() throws Exception {
        List<SamplesTaken> published = new CopyOnWriteArrayList<>();
        Sampler sampler = new Sampler(store.metrics(), fx.session.events(), Duration.ofDays(14))
                .source(agent(), new AgentReadings());
        try (AutoCloseable sub = fx.session.events().subscribe(SamplesTaken.class, published::add)) {
            long before = System.nanoTime();
            SampleRound first = sampler.sampleOnce(agents, Family.all());
            ProcTruth.assertSane(first, "m1");
            ProcTruth.assertSane(first, "m2");
            assertEquals("agent", first.results().get("m1").transport());
            assertTrue(first.results().get("m1").stderr().isEmpty(), first.results()::toString);

            int written = 16 << 20;
            ProcTruth.writeToDisk(dir, written);
            SampleRound second = sampler.sampleOnce(agents, Set.of(Family.DISKIO));
            double upper = (System.nanoTime() - before) / 1e9;
            assertTrue(ProcTruth.writtenAtMost(second.samples(), "m1", upper) >= written, second.samples()::toString);
            assertEquals(2, published.size());
        }
        assertEquals(2, store.metrics().query(SampleFilter.metric("diskio").host("m1").field("write_bytes_per_s")
                .label(store.metrics().latest(SampleFilter.metric("diskio").host("m1")).get(0).label())).size());
    }

    @Test
    void theScriptThroughTheAgentsExecGivesTheSameMountsAsItsOwnSampler() throws Exception {
        Sampler byScript = new Sampler(null, null, null);
        Sampler own = new Sampler(null, null, null).source(agent(), new AgentReadings());
        SampleRound script = byScript.sampleOnce(agents, Family.all());
        ProcTruth.assertSane(script, "m2");
        SampleRound fromAgent = own.sampleOnce(agents, Set.of(Family.DISK));
        assertEquals(script.samples().host("m2").metric("disk").field("size_bytes").list().stream().map(s -> s.label()).sorted().toList(),
                fromAgent.samples().host("m2").metric("disk").field("size_bytes").list().stream().map(s -> s.label()).sorted().toList());
    }

    @Test
    void anAgentNotConnectedIsUnreachableAndTheOthersAreSampled() {
        Sampler own = new Sampler(null, null, null).source(agent(), new AgentReadings());
        Hosts withGhost = Hosts.of("x", List.of(Host.of("m1"), Host.of("ghost"))).via(agent());
        SampleRound round = own.sampleOnce(withGhost, Set.of(Family.LOAD));
        assertEquals(Outcome.UNREACHABLE, round.results().get("ghost").outcome(), round.results()::toString);
        assertTrue(round.results().get("m1").ok());
        assertEquals(Set.of("1m", "5m", "15m", "cores"), round.samples().host("m1").list().stream().map(s -> s.field()).collect(java.util.stream.Collectors.toSet()), round.samples()::toString);
    }
}
