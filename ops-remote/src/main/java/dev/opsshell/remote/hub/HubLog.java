package dev.opsshell.remote.hub;

import java.time.LocalDateTime;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What the hub tells its operator: refused name takeovers, a full pending area, names that are not
 * names. Each line goes to a sink (standard error for a hub) and the last {@value #KEEP} are kept
 * for {@link Hub#log()}. A peer can cause these lines at will, so each kind is limited to
 * {@value #PER_MINUTE} lines a minute, then one line says the rest are only counted
 * ({@code hub.stats()}). Callers pass text already cleaned of control characters. Thread-safe.
 */
final class HubLog {
    static final int KEEP = 200;
    static final int PER_MINUTE = 20;
    private static final long MINUTE_NANOS = 60_000_000_000L;

    private final Consumer<String> sink;
    private final ArrayDeque<String> recent = new ArrayDeque<>();
    private final Map<String, long[]> windows = new HashMap<>(); // kind -> {window start, lines in it}

    HubLog(Consumer<String> sink) {
        this.sink = sink;
    }

    /** Logs a line of {@code kind}, unless that kind has had its share of lines this minute. */
    synchronized void warn(String kind, String line) {
        long now = System.nanoTime();
        long[] w = windows.computeIfAbsent(kind, k -> new long[] {now, 0});
        if (now - w[0] > MINUTE_NANOS) {
            w[0] = now;
            w[1] = 0;
        }
        w[1]++;
        if (w[1] <= PER_MINUTE) emit(line);
        else if (w[1] == PER_MINUTE + 1) emit("more '" + kind + "' events this minute are counted, not logged (hub.stats())");
    }

    /** The last lines logged, oldest first. */
    synchronized List<String> recent() {
        return List.copyOf(recent);
    }

    private void emit(String line) {
        String stamped = LocalDateTime.now().withNano(0) + " ops hub: " + line;
        if (recent.size() == KEEP) recent.removeFirst();
        recent.addLast(stamped);
        sink.accept(stamped);
    }
}
