package dev.opsshell.shell.terminal;

import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;

import java.io.IOException;
import java.util.EnumSet;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Watches the keyboard while a snippet runs, so Ctrl-C cancels the running fan-out instead of
 * killing the shell. The terminal is put in raw mode without signals for the duration: Ctrl-C is
 * then a key we read, not a SIGINT the kernel would also send to every local child process (which
 * would turn a clean "cancelled" into an arbitrary exit code). Other keys typed meanwhile are kept
 * ({@link #typedAhead()}) for the next prompt. A secret asked for during the run takes the input
 * lock to read the keyboard itself.
 */
final class InterruptWatcher implements AutoCloseable {
    private static final int CTRL_C = 3;

    private final Terminal terminal;
    private final Attributes before;
    private final ReentrantLock lock;
    private final Thread thread;
    private final StringBuilder typed = new StringBuilder();
    private volatile boolean running = true;

    private InterruptWatcher(Terminal terminal, ReentrantLock lock, Runnable onCtrlC, Runnable tick) {
        this.terminal = terminal;
        this.lock = lock;
        this.before = terminal.getAttributes();
        Attributes raw = new Attributes(before);
        raw.setLocalFlags(EnumSet.of(Attributes.LocalFlag.ICANON, Attributes.LocalFlag.ECHO,
                Attributes.LocalFlag.ISIG, Attributes.LocalFlag.IEXTEN), false);
        raw.setControlChar(Attributes.ControlChar.VMIN, 0);
        raw.setControlChar(Attributes.ControlChar.VTIME, 1);
        terminal.setAttributes(raw);
        this.thread = new Thread(() -> watch(onCtrlC, tick), "ops-ctrl-c");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Starts watching; close it when the evaluation is over. {@code tick} runs about every 50 ms
     * while watching (to keep cancelling fan-outs that start after Ctrl-C was pressed).
     */
    static InterruptWatcher start(Terminal terminal, ReentrantLock inputLock, Runnable onCtrlC, Runnable tick) {
        return new InterruptWatcher(terminal, inputLock, onCtrlC, tick);
    }

    private void watch(Runnable onCtrlC, Runnable tick) {
        while (running) {
            tick.run();
            int c;
            lock.lock();
            try {
                c = terminal.reader().read(50L);
            } catch (IOException e) {
                return; // the terminal went away; nothing left to watch
            } finally {
                lock.unlock();
            }
            if (c == CTRL_C && running) {
                onCtrlC.run();
            } else if (c >= 0) {
                synchronized (typed) {
                    typed.append((char) c);
                }
            } else if (c == -1) {
                return;
            }
        }
    }

    /** The keys typed while the snippet ran (not Ctrl-C), to replay at the next prompt. */
    String typedAhead() {
        synchronized (typed) {
            return typed.toString();
        }
    }

    @Override
    public void close() {
        if (!running) return;
        running = false;
        try {
            thread.join(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        terminal.setAttributes(before);
    }
}
