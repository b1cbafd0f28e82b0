package dev.opsshell.core.notify;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A desktop notification through {@code notify-send} (Debian: libnotify-bin), when it is on the
 * PATH. It needs a desktop session's bus; without one notify-send fails, which is reported like
 * any notifier's failure.
 */
public record DesktopNotifier(Path notifySend, Duration timeout) implements Notifier {
    /** notify-send on {@code path} (the PATH variable's value), if any. */
    public static Optional<Path> find(String path) {
        if (path == null) return Optional.empty();
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) continue;
            Path p = Path.of(dir, "notify-send");
            if (Files.isExecutable(p)) return Optional.of(p);
        }
        return Optional.empty();
    }

    @Override
    public String name() {
        return "desktop";
    }

    @Override
    public String target() {
        return notifySend.toString();
    }

    @Override
    public void send(Notice notice) throws Exception {
        Process p = new ProcessBuilder(notifySend.toString(), "--app-name=ops", "--", notice.title(), notice.body())
                .redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("notify-send did not finish within " + timeout.toSeconds() + " s");
        }
        if (p.exitValue() != 0) {
            String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            throw new IllegalStateException("notify-send exited " + p.exitValue() + (said.isEmpty() ? "" : ": "
                    + said.lines().findFirst().orElse("")) + " (no desktop session here? set notify.desktop=off)");
        }
    }
}
