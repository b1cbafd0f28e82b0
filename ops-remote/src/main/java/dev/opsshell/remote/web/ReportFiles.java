package dev.opsshell.remote.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Where report files go and how they are written: {@code report()} and {@code ops report} share it. */
public final class ReportFiles {
    /** The range a report covers unless told. */
    public static final Duration DEFAULT_RANGE = Duration.ofHours(6);

    private ReportFiles() {
    }

    /** Writes {@code html} to {@code file}, making its directory (owner-only when new). */
    public static void write(Path file, String html) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            if (dir != null && !Files.isDirectory(dir)) {
                Files.createDirectories(dir);
                if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
                }
            }
            Files.writeString(file, html);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report to " + file + ": " + e.getMessage()
                    + " (choose another file: report(Path.of(\"report.html\")), ops report --out FILE)", e);
        }
    }

    /** {@code ~/.ops/reports/report-20261202-034500.html} (UTC). */
    public static Path defaultFile(Instant now) {
        return Path.of(System.getProperty("user.home"), ".ops", "reports",
                "report-" + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(now) + ".html");
    }

    /** What a report holds, for the line that says where it went: {@code 9 charts, 1 run}. */
    public static String contents(int charts, int runs) {
        return charts + (charts == 1 ? " chart, " : " charts, ") + runs + (runs == 1 ? " run" : " runs");
    }

}
