package dev.opsshell.shell;

import dev.opsshell.core.OpsException;
import dev.opsshell.core.metrics.MetricQuery;
import dev.opsshell.core.metrics.SampleFilter;
import dev.opsshell.core.metrics.Samples;
import dev.opsshell.core.store.JdbcStore;
import dev.opsshell.core.store.StoreLocation;
import dev.opsshell.shell.history.Ages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;

/** {@code ops metrics cpu --host 'web*' --last 1h [--json|--csv|--spark|--latest]}: the stored samples of a metric. */
@Command(name = "metrics", mixinStandardHelpOptions = true,
        description = "The stored samples of a metric (cpu, load, memory, swap, disk, diskio, net, entropy): one line per"
                + " series (last, min, max, count), or every sample as --json or --csv, or a sparkline per host (--spark).",
        footer = {"", "Examples:", "  ops metrics cpu --last 1h --spark", "  ops metrics disk --host 'web*' --field used_pct --latest",
                "  ops metrics net --since 2026-12-02T00:00:00Z --until 2026-12-02T06:00:00Z --csv > net.csv"})
public final class MetricsCommand implements Callable<Integer> {
    @ParentCommand
    OpsCommand ops;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "METRIC", description = "cpu, load, memory, swap, disk, diskio, net or entropy")
    String metric;

    @Option(names = "--host", paramLabel = "NAME", description = "One host, or a glob such as 'web*'.")
    String host;

    @Option(names = "--field", paramLabel = "FIELD", description = "One field: user, used_pct, rx_bytes_per_s, …")
    String field;

    @Option(names = "--label", paramLabel = "LABEL", description = "One mount, device or interface: /var, sda, eth0.")
    String label;

    @Option(names = "--last", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "The last 30m, 6h, 2d up to now (default 1h, unless --since is given).")
    Duration last;

    @Option(names = "--since", paramLabel = "WHEN", description = "From this time on: an age (30m, 2h, 7d), a date (2026-12-01) or an instant (2026-12-02T00:00:00Z).")
    String since;

    @Option(names = "--until", paramLabel = "WHEN", description = "Before this time: an age, a date or an instant.")
    String until;

    @Option(names = "--csv", description = "Every sample as CSV (host,metric,field,label,value,at).")
    boolean csv;

    @Option(names = "--spark", description = "A sparkline per host (cpu: the share not idle).")
    boolean spark;

    @Option(names = "--latest", description = "Only the newest sample of every series.")
    boolean latest;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean json = ops.options().json();
        if ((json ? 1 : 0) + (csv ? 1 : 0) + (spark ? 1 : 0) > 1) {
            err.println("ops: give one of --json, --csv and --spark");
            return ExitCodes.USAGE;
        }
        if (last != null && since != null) {
            err.println("ops: give --last or --since, not both");
            return ExitCodes.USAGE;
        }
        try (JdbcStore store = JdbcStore.open(StoreLocation.resolve(ops.options().store()))) {
            MetricQuery q = new MetricQuery(store::metrics, SampleFilter.metric(metric)).host(host).field(field).label(label);
            Samples samples;
            if (latest) {
                samples = q.latest();
            } else {
                Instant now = Instant.now();
                q = q.since(since != null ? Ages.parse(since, "--since", now) : now.minus(last != null ? last : MetricQuery.DEFAULT_WINDOW));
                if (until != null) q = q.until(Ages.parse(until, "--until", now));
                samples = q.samples();
            }
            out.print(json ? samples.json() + "\n" : csv ? samples.csv() : spark ? samples.spark().toString() : samples.table());
            out.flush();
            return ExitCodes.OK;
        } catch (IllegalArgumentException e) {
            err.println("ops: " + e.getMessage());
            return ExitCodes.USAGE;
        } catch (OpsException e) {
            err.println("ops: " + e.getMessage());
            return ExitCodes.SCRIPT_ERROR;
        }
    }
}
