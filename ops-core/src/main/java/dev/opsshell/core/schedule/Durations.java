package dev.opsshell.core.schedule;

import java.time.Duration;

/** Short words for a period: {@code 30s}, {@code 5m}, {@code 1h30m}, {@code 250ms}. */
final class Durations {
    private Durations() {
    }

    static String words(Duration d) {
        if (d.toMillis() < 1000) return d.toMillis() + "ms";
        StringBuilder s = new StringBuilder();
        if (d.toDays() > 0) s.append(d.toDays()).append('d');
        if (d.toHoursPart() > 0) s.append(d.toHoursPart()).append('h');
        if (d.toMinutesPart() > 0) s.append(d.toMinutesPart()).append('m');
        if (d.toSecondsPart() > 0 || s.isEmpty()) s.append(d.toSecondsPart()).append('s');
        if (d.toMillisPart() > 0) s.append(d.toMillisPart()).append("ms");
        return s.toString();
    }
}
