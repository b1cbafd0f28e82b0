package dev.opsshell.shell.terminal;

import dev.opsshell.core.result.Result;
import dev.opsshell.core.run.Progress;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * The progress line a long fan-out draws on a terminal: {@code uptime  37/200 · 2 failed · 1.4 s};
 * a batch of jobs adds what it is doing: {@code create  1/2 · web-2: waiting for an address · 3.1 s}.
 * Nothing is drawn for the first 300 ms (short runs stay quiet), then at most ten redraws a
 * second, and the line is cleared when the fan-out finishes. It shares the terminal's last line
 * through {@link ProgressLines}, which pauses it while a prompt is open. Only ever given a
 * terminal; piped output gets {@link Progress.Factory#NONE}. Thread-safe.
 */
public final class ProgressLine implements Progress {
    static final long QUIET_MILLIS = 300;
    static final long TICK_MILLIS = 100;
    private static final ScheduledExecutorService TICKER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "ops-progress");
        t.setDaemon(true);
        return t;
    });

    private final ProgressLines lines;
    private final String title;
    private final int total;
    private final long started = System.nanoTime();
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private volatile String doing;
    private final ScheduledFuture<?> ticks;
    boolean drawn; // guarded by lines

    ProgressLine(ProgressLines lines, String title, int total) {
        this.lines = lines;
        this.title = title.length() > 40 ? title.substring(0, 39) + "…" : title;
        this.total = total;
        this.ticks = TICKER.scheduleAtFixedRate(this::draw, QUIET_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** A factory drawing on {@code out} (a line of its own, no prompts to share it with), unless {@code quiet}. */
    static Progress.Factory on(PrintWriter out, BooleanSupplier quiet) {
        return new ProgressLines(out).factory(quiet);
    }

    /**
     * For {@code exec}, scripts and one-liners: a line on stdout when a person watches a terminal
     * and output is not streaming, else nothing. It pauses while {@link ConsolePrompter} asks.
     */
    public static Progress.Factory forThisProcess(boolean streaming) {
        if (streaming || !Tty.interactive()) return Progress.Factory.NONE;
        return ProgressLines.console().factory(() -> false);
    }

    @Override
    public void done(Result result) {
        ended(result.ok());
    }

    @Override
    public void ended(boolean ok) {
        done.incrementAndGet();
        if (!ok) failed.incrementAndGet();
    }

    @Override
    public void doing(String what) {
        doing = what == null || what.length() <= 60 ? what : what.substring(0, 59) + "…";
    }

    /** The text of the line as it would be drawn now. */
    String text() {
        double seconds = (System.nanoTime() - started) / 1e9;
        int f = failed.get();
        String now = doing;
        return title + "  " + done.get() + "/" + total + (f > 0 ? " · " + f + " failed" : "")
                + (now == null || now.isEmpty() ? "" : " · " + now)
                + " · " + String.format(Locale.ROOT, "%.1f s", seconds);
    }

    void draw() {
        lines.draw(this);
    }

    @Override
    public void finish() {
        ticks.cancel(false);
        lines.finish(this);
    }
}
