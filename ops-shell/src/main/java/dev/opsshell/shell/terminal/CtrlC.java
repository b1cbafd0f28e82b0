package dev.opsshell.shell.terminal;

import dev.opsshell.core.run.Fanout;
import sun.misc.Signal;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Ctrl-C for {@code exec}, scripts and one-liners (no line editor there): the first press cancels
 * the running fan-outs, so the hosts that finished are still reported and the exit code says the
 * rest were cancelled (4); a second press ends the program at once (exit 130, as shells do).
 */
public final class CtrlC {
    private static final AtomicInteger PRESSES = new AtomicInteger();

    private CtrlC() {
    }

    public static void cancelFanoutsFirst() {
        try {
            Signal.handle(new Signal("INT"), signal -> {
                if (PRESSES.incrementAndGet() == 1) {
                    String clear = Tty.interactive() ? "\r\033[K" : ""; // over the progress line, if any
                    System.err.println(clear + "^C cancelling (press Ctrl-C again to quit at once)");
                    Fanout.cancelAll();
                } else {
                    Runtime.getRuntime().halt(130);
                }
            });
        } catch (IllegalArgumentException e) {
            // no SIGINT on this platform (or it is reserved): Ctrl-C keeps its default meaning
        }
    }
}
