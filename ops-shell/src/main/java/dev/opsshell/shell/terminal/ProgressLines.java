package dev.opsshell.shell.terminal;

import dev.opsshell.core.run.Progress;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The last line of one terminal, shared by the progress lines of running fan-outs and the prompts
 * that ask for a passphrase or a password meanwhile. While a prompt is open no progress line is
 * drawn, and the one on screen is erased first, so the question stands on a line of its own
 * instead of being overwritten ten times a second (the shell looked hung). Drawing resumes when
 * the answer is in. Thread-safe: every write to the line happens under this object's lock.
 */
public final class ProgressLines {
    private static final ProgressLines CONSOLE = new ProgressLines(
            new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8)));

    private final PrintWriter out;
    private final Set<ProgressLine> running = new LinkedHashSet<>(); // guarded by this
    private int openPrompts; // guarded by this

    ProgressLines(PrintWriter out) {
        this.out = out;
    }

    /** The line on this process's stdout, for {@code exec}, scripts and one-liners at a terminal. */
    static ProgressLines console() {
        return CONSOLE;
    }

    /** Makes a progress line per fan-out, unless {@code quiet} says not to (output is streaming live). */
    Progress.Factory factory(BooleanSupplier quiet) {
        return (title, total) -> quiet.getAsBoolean() ? Progress.NONE : start(title, total);
    }

    private synchronized ProgressLine start(String title, int total) {
        ProgressLine line = new ProgressLine(this, title, total);
        running.add(line);
        return line;
    }

    /**
     * Runs {@code ask} (a prompt) with every progress line paused: the one drawn is erased first,
     * none is drawn until {@code ask} returns.
     */
    <T> T whilePrompting(Supplier<T> ask) {
        synchronized (this) {
            openPrompts++;
            running.forEach(this::erase);
        }
        try {
            return ask.get();
        } finally {
            synchronized (this) {
                openPrompts--;
            }
        }
    }

    synchronized void draw(ProgressLine line) {
        if (openPrompts > 0 || !running.contains(line)) return;
        out.print("\r" + line.text() + "\033[K");
        out.flush();
        line.drawn = true;
    }

    synchronized void finish(ProgressLine line) {
        running.remove(line);
        erase(line);
    }

    private void erase(ProgressLine line) {
        if (!line.drawn) return;
        out.print("\r\033[K");
        out.flush();
        line.drawn = false;
    }
}
