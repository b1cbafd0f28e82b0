package dev.opsshell.core.history;

import dev.opsshell.core.events.Events;
import dev.opsshell.core.events.RunFinished;
import dev.opsshell.core.host.Host;
import dev.opsshell.core.host.Hosts;
import dev.opsshell.core.result.Outcome;
import dev.opsshell.core.result.Result;
import dev.opsshell.core.result.Results;
import dev.opsshell.core.store.JdbcStore;
import dev.opsshell.core.store.Store;
import dev.opsshell.core.store.StoreLocation;
import dev.opsshell.core.testing.PostgresLab;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * History's insert rate: runs of {@code hosts} hosts with realistic output (an apt-get update's
 * worth of stdout, a warning on stderr on one host in twenty, a failure on one in fifty) recorded
 * one after another, each in one transaction, on SQLite or the lab's PostgreSQL. Prints a markdown
 * row per store: median and 90th percentile of the whole recording (mask, cut, write) and of the
 * write alone, runs per second, and what the run's own thread pays to publish a run to the recorder.
 * <pre>{@code java -cp … dev.opsshell.core.history.HistoryBench sqlite|postgresql HOSTS RUNS WARMUP}</pre>
 */
public final class HistoryBench {
    private HistoryBench() {
    }

    public static void main(String[] args) throws Exception {
        String dialect = args[0];
        int hosts = Integer.parseInt(args[1]);
        int runs = Integer.parseInt(args[2]);
        int warmup = Integer.parseInt(args[3]);
        Path dir = Files.createTempDirectory("history-bench");
        StoreLocation at = dialect.equals("sqlite") ? StoreLocation.sqlite(dir.resolve("ops.db"))
                : StoreLocation.postgresql(PostgresLab.freshDatabase(HistoryBench.class));
        try (Store store = JdbcStore.open(at)) {
            HistoryStore history = store.history();
            long[] total = new long[runs];
            long[] write = new long[runs];
            long bytes = 0;
            for (int i = -warmup; i < runs; i++) {
                RunFinished run = new RunFinished(results(hosts, i), RunSource.script("/srv/deploy.jsh"), Instant.now(),
                        Recipe.of("exec", "apt-get update"));
                long t0 = System.nanoTime();
                RunDetail d = RunCapture.of(run, "ops@admin1");
                long t1 = System.nanoTime();
                history.record(d.run(), d.hosts());
                long t2 = System.nanoTime();
                if (i >= 0) {
                    total[i] = t2 - t0;
                    write[i] = t2 - t1;
                    for (HostRecord h : d.hosts()) bytes += h.stdout().length() + h.stderr().length();
                }
            }
            long wall = Arrays.stream(total).sum();
            System.out.printf("| %s | %d | %d | %.1f ms | %.1f ms | %.1f ms | %.1f ms | %.0f | %d KB | %.1f µs |%n", dialect, hosts, runs,
                    ms(median(total)), ms(p90(total)), ms(median(write)), ms(p90(write)), runs / (wall / 1e9),
                    bytes / runs / 1024, publishMicros(history, hosts));
        }
    }

    /** What the run's thread pays: publishing a finished run to a subscribed recorder (median of 200). */
    private static double publishMicros(HistoryStore history, int hosts) {
        Events events = new Events();
        Recorder recorder = Recorder.attach(events, () -> history, m -> { }, new HistorySettings(true, null));
        long[] t = new long[200];
        for (int i = 0; i < t.length; i++) {
            Results r = results(hosts, i);
            long t0 = System.nanoTime();
            events.publish(new RunFinished(r, RunSource.UNKNOWN, Instant.now()));
            t[i] = System.nanoTime() - t0;
        }
        recorder.close();
        return median(t) / 1e3;
    }

    static Results results(int n, int round) {
        List<Host> hosts = new ArrayList<>(n);
        List<Result> list = new ArrayList<>(n);
        Instant start = Instant.now().minusMillis(900);
        for (int i = 0; i < n; i++) {
            Host h = Host.of("web" + String.format("%03d", i) + ".example.com");
            hosts.add(h);
            boolean failed = i % 50 == 7;
            String err = i % 20 == 3 ? "W: Some index files failed to download. They have been ignored.\n" : "";
            list.add(new Result(h, failed ? Outcome.FAILED : Outcome.OK, failed ? 100 : 0, aptOutput(i, round), err, false, start,
                    Duration.ofMillis(700 + i), "ssh", ""));
        }
        return new Results("apt-get update", Hosts.of("web", hosts), list, Duration.ofMillis(950));
    }

    /** About 1.2 KB, varying per host and round like real mirrors' answers. */
    private static String aptOutput(int host, int round) {
        StringBuilder s = new StringBuilder();
        String[] suites = {"bookworm", "bookworm-updates", "bookworm-security", "bookworm-backports"};
        for (int k = 0; k < suites.length; k++) {
            s.append(k % 2 == 0 ? "Hit:" : "Get:").append(k + 1).append(" http://deb.debian.org/debian ").append(suites[k])
                    .append(" InRelease [").append(151 + (host * 7 + round + k) % 90).append(" kB]\n");
        }
        s.append("Fetched ").append(4000 + (host * 13 + round) % 997).append(" kB in ").append(1 + host % 3).append("s (")
                .append(900 + host % 300).append(" kB/s)\n");
        s.append("Reading package lists...\n".repeat(3));
        s.append("Building dependency tree...\nReading state information...\n");
        s.append(host % 4 == 0 ? "All packages are up to date.\n" : (host % 9 + 1) + " packages can be upgraded. Run 'apt list --upgradable' to see them.\n");
        s.append("N: Repository 'http://deb.debian.org/debian bookworm InRelease' changed its 'Version' value from '12.").append(round % 9)
                .append("' to '12.").append(round % 9 + 1).append("'\n");
        s.append("N: Download is performed unsandboxed as root as file '/var/lib/apt/lists/partial/deb.debian.org_debian_dists_")
                .append(suites[host % 4]).append("_InRelease' couldn't be accessed by user '_apt'. - pkgAcquire::Run (13: Permission denied)\n");
        return s.toString();
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static long median(long[] values) {
        long[] v = values.clone();
        Arrays.sort(v);
        return v[v.length / 2];
    }

    private static long p90(long[] values) {
        long[] v = values.clone();
        Arrays.sort(v);
        return v[Math.min(v.length - 1, (int) Math.ceil(v.length * 0.9) - 1)];
    }
}
