package dev.opsshell.remote.hub;

/** Waiting for a socket thread to end from a thread that may be interrupted (Ctrl-C) meanwhile. */
final class Joins {
    private Joins() {
    }

    /**
     * Waits up to {@code millis} for {@code thread} to end, through interrupts; returns whether the
     * caller was interrupted meanwhile, for it to set its interrupt again once it is done.
     */
    static boolean join(Thread thread, long millis) {
        boolean interrupted = false;
        long end = System.nanoTime() + millis * 1_000_000L;
        while (thread.isAlive()) {
            long left = (end - System.nanoTime()) / 1_000_000L;
            if (left <= 0) break;
            try {
                thread.join(left);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        return interrupted;
    }
}
