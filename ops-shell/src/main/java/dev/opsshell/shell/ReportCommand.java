package dev.opsshell.shell;

import dev.opsshell.core.OpsException;
import dev.opsshell.core.report.Report;
import dev.opsshell.core.store.JdbcStore;
import dev.opsshell.core.store.Store;
import dev.opsshell.core.store.StoreLocation;
import dev.opsshell.remote.web.ReportFiles;
import dev.opsshell.remote.web.ReportFeeds;
import dev.opsshell.remote.web.Since;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.Callable;

/** {@code ops report --out FILE [--since 6h]}: the HTML report of the store's samples and runs, written to a file. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write the HTML report (a chart per metric and host, the last runs) of the store to a file.")
final class ReportCommand implements Callable<Integer> {

    @Option(names = "--out", paramLabel = "FILE",
            description = "Where to write it (default ~/.ops/reports/report-<time>.html).")
    Path out;

    @Option(names = "--since", paramLabel = "RANGE", defaultValue = "6h",
            description = "How far back: 90s, 30m, 6h, 7d (default ${DEFAULT-VALUE}).")
    String since;

    @ParentCommand
    OpsCommand ops;

    @Override
    public Integer call() {
        Duration range;
        try {
            range = Since.parse(since);
        } catch (IllegalArgumentException e) {
            System.err.println("ops report: --since " + e.getMessage());
            return ExitCodes.USAGE;
        }
        Instant now = Instant.now();
        Path file = out != null ? out : ReportFiles.defaultFile(now);
        try (Store store = JdbcStore.open(StoreLocation.resolve(ops == null ? null : ops.options().store()))) {
            Report report = Report.of(ReportFeeds.ofStore(store), range, now);
            ReportFiles.write(file, report.html(ZoneId.systemDefault()));
            System.out.println("report of the last " + since + ": "
                    + ReportFiles.contents(report.charts().size(), report.runs().size()) + " → " + file.toAbsolutePath().toUri());
            return ExitCodes.OK;
        } catch (UncheckedIOException | OpsException e) {
            System.err.println("ops report: " + e.getMessage());
            return ExitCodes.SCRIPT_ERROR;
        }
    }
}
