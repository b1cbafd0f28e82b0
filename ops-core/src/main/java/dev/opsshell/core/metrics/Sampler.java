package dev.opsshell.core.metrics;

import dev.opsshell.core.events.Events;
import dev.opsshell.core.events.SamplesTaken;
import dev.opsshell.core.host.Host;
import dev.opsshell.core.host.Hosts;
import dev.opsshell.core.result.Result;
import dev.opsshell.core.result.Results;
import dev.opsshell.core.run.Fanout;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Takes sampling rounds: one request per host (the /proc script through its transport, or an
 * agent's own sampler), the samples of every host stored in one transaction, then
 * {@link SamplesTaken} published. Keeps each host's last reading between rounds, so a round reads
 * the counters once and pairs them with the last; a host read for the first time (or not for
 * {@link #STALE}) is read twice, {@link ProcScript#FIRST_GAP_SECONDS} apart, in that round.
 * Purges samples older than the retention at most once an hour. A schedule calls
 * {@link #sampleOnce}. Thread-safe.
 */
public final class Sampler {
    /** A last reading older than this is not paired with: a rate over hours hides what happens now. */
    public static final Duration STALE = Duration.ofMinutes(15);
    private static final Duration PURGE_EVERY = Duration.ofHours(1);

    private record Last(Reading reading, Instant at) {
    }

    private final MetricStore store;
    private final Events events;
    private final Duration retention;
    private final Map<String, ReadingSource> sources = new ConcurrentHashMap<>();
    private final ReadingSource script = new ScriptReadings();
    private final Map<String, Last> last = new ConcurrentHashMap<>();
    private volatile Instant lastPurge = Instant.EPOCH;

    /** {@code store} and {@code events} may be null (samples only returned, not kept or told). */
    public Sampler(MetricStore store, Events events, Duration retention) {
        this.store = store;
        this.events = events;
        this.retention = retention;
    }

    /** Hosts reached by {@code transport} are read through {@code source} instead of the script (agents' own sampler). */
    public Sampler source(String transport, ReadingSource source) {
        if (source == null) sources.remove(transport);
        else sources.put(transport, source);
        return this;
    }

    /** One round on every host: their samples, stored and published, and a result per host. */
    public SampleRound sampleOnce(Hosts hosts, Set<Family> families) {
        Set<Family> asked = families.isEmpty() ? Family.all() : Set.copyOf(families);
        List<Sample> all = Collections.synchronizedList(new ArrayList<>());
        String title = "sample " + asked.stream().map(Family::word).sorted().collect(Collectors.joining(","));
        Results results = Fanout.run(title, hosts, hosts.session().settings().forks(), hosts.session().progress(),
                host -> one(hosts, host, asked, all));
        List<Sample> samples = List.copyOf(all);
        if (store != null) {
            store.insert(samples);
            purgeIfDue();
        }
        if (events != null) events.publish(new SamplesTaken(samples));
        return new SampleRound(new Samples(samples), results);
    }

    private Result one(Hosts hosts, Host host, Set<Family> families, List<Sample> into) {
        Last before = last.get(host.name());
        boolean twice = families.stream().anyMatch(Family::needsTwoReadings)
                && (before == null || before.at().isBefore(Instant.now().minus(STALE)));
        ReadingSource source = sources.getOrDefault(hosts.transportFor(host), script);
        ReadingSource.Fetched got = source.fetch(hosts, host, families, twice);
        if (got.readings().isEmpty()) return got.result();
        Instant at = Instant.now();
        Reading now = got.readings().get(got.readings().size() - 1);
        Reading earlier = got.readings().size() > 1 ? got.readings().get(got.readings().size() - 2)
                : before == null ? null : before.reading();
        SampleMaker.Made made = SampleMaker.make(host.name(), families, earlier, now, at);
        if (now.uptime() != null) last.put(host.name(), new Last(now, at));
        into.addAll(made.samples());
        Result r = got.result();
        String stderr = made.problems().isEmpty() ? "" : String.join("\n", made.problems()) + "\n";
        return new Result(host, r.outcome(), r.exitCode(), made.samples().size() + " samples\n", stderr, false,
                r.start(), r.duration(), r.transport(), r.message());
    }

    private void purgeIfDue() {
        Instant now = Instant.now();
        if (retention == null || lastPurge.plus(PURGE_EVERY).isAfter(now)) return;
        lastPurge = now;
        store.purgeBefore(now.minus(retention));
    }

    /** Forgets the hosts' last readings (their next round reads twice again). */
    public void forget() {
        last.clear();
    }
}
