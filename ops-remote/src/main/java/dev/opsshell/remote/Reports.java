package dev.opsshell.remote;

import dev.opsshell.core.Session;
import dev.opsshell.core.report.Report;
import dev.opsshell.core.text.Durations;
import dev.opsshell.remote.history.SessionHistory;
import dev.opsshell.remote.web.ReportFeeds;
import dev.opsshell.remote.web.ReportFiles;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The report in the shell: {@code report()} writes the HTML report of the last 6 hours (charts per
 * metric and host, the last runs) to {@code ~/.ops/reports/} and says where; {@code report(path)}
 * and {@code report(path, Duration.ofHours(24))} choose the file and the range.
 */
public final class Reports {
    private Reports() {
    }

    /** The report of the last 6 hours in {@code ~/.ops/reports/report-<time>.html}. */
    public static Path report() {
        return report(ReportFiles.defaultFile(Instant.now()), ReportFiles.DEFAULT_RANGE);
    }

    /** The report of the last 6 hours in {@code file}. */
    public static Path report(Path file) {
        return report(file, ReportFiles.DEFAULT_RANGE);
    }

    /** The report of the last {@code since} in {@code file}; prints where it went, returns the file. */
    public static Path report(Path file, Duration since) {
        Session session = Session.current();
        SessionHistory.flush(session); // the runs just made are still being written by the recorder
        Report r = Report.of(ReportFeeds.forSession(session), since, Instant.now());
        ReportFiles.write(file, r.html(ZoneId.systemDefault()));
        session.out().println("report of the last " + Durations.words(since) + ": "
                + ReportFiles.contents(r.charts().size(), r.runs().size()) + " → " + file.toAbsolutePath().toUri());
        return file;
    }
}
