package dev.opsshell.remote;

import dev.opsshell.core.Session;
import dev.opsshell.core.host.Hosts;
import dev.opsshell.core.metrics.Family;
import dev.opsshell.core.metrics.MetricQuery;
import dev.opsshell.core.metrics.MetricSettings;
import dev.opsshell.core.metrics.SampleFilter;
import dev.opsshell.core.metrics.SampleRound;
import dev.opsshell.core.metrics.Sampler;
import dev.opsshell.remote.fleet.SessionStore;
import dev.opsshell.remote.hub.AgentTransport;
import dev.opsshell.remote.metrics.AgentReadings;

import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * The shell's words for metrics over time, preloaded next to {@link Ops}:
 * <pre>{@code
 * sample(hosts("web"), cpu(), memory());           // one round now: stored, and shown as a table
 * sample(hosts("web").via(agent()));               // every family, from the agents' own sampler
 * metrics("cpu").last(Duration.ofHours(1));        // what is stored, as data (Samples)
 * metrics("disk").host("web1").field("used_pct").since(t).csv("disk.csv");
 * metrics("cpu").spark();                          // a sparkline per host
 * }</pre>
 * Samples go to the session's store (the systems store: {@code --store}, {@code OPS_STORE},
 * {@code ~/.ops/config}, {@code ~/.ops/ops.db}). A schedule samples with {@link #sample(Hosts, Family...)}.
 */
public final class MetricsOps {
    private static final Map<Session, Sampler> SAMPLERS = new WeakHashMap<>();

    private MetricsOps() {
    }

    public static Family cpu() {
        return Family.CPU;
    }

    public static Family load() {
        return Family.LOAD;
    }

    public static Family memory() {
        return Family.MEMORY;
    }

    public static Family swap() {
        return Family.SWAP;
    }

    public static Family disk() {
        return Family.DISK;
    }

    public static Family diskio() {
        return Family.DISKIO;
    }

    public static Family net() {
        return Family.NET;
    }

    public static Family entropy() {
        return Family.ENTROPY;
    }

    /**
     * One sampling round on every host (every family when none is named): one request per host,
     * the samples stored in one transaction and published as {@code SamplesTaken}, the results
     * recorded like any operation's. Agents ({@code via(agent())}) answer from their own sampler.
     */
    public static SampleRound sample(Hosts hosts, Family... families) {
        SampleRound round = sampler(hosts.session()).sampleOnce(hosts, Set.copyOf(Family.orAll(families)));
        hosts.session().record(round.results());
        return round;
    }

    /** The session's sampler (it keeps each host's last reading between rounds), made on first use. */
    public static synchronized Sampler sampler(Session session) {
        return SAMPLERS.computeIfAbsent(session, s -> new Sampler(SessionStore.of(s).metrics(), s.events(),
                MetricSettings.retention()).source(AgentTransport.NAME, new AgentReadings()));
    }

    /** Stored samples of a metric ({@code cpu}, {@code load}, {@code memory}, {@code swap}, {@code disk}, {@code diskio}, {@code net}, {@code entropy}). */
    public static MetricQuery metrics(String metric) {
        return new MetricQuery(() -> SessionStore.current().metrics(), SampleFilter.metric(metric));
    }
}
