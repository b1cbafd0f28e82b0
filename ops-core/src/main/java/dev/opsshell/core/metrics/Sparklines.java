package dev.opsshell.core.metrics;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Sparklines of several series over one shared time range, so their columns line up: a heading
 * per metric/field with the range, then a line per host (and label) with its min, max and last.
 */
public record Sparklines(List<String> lines) {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    public Sparklines {
        lines = List.copyOf(lines);
    }

    static Sparklines of(Map<Series, List<Sample>> series, int width) {
        if (series.isEmpty()) return new Sparklines(List.of("(no samples)"));
        Instant from = null, to = null;
        Duration step = null;
        for (List<Sample> s : series.values()) {
            if (from == null || s.get(0).at().isBefore(from)) from = s.get(0).at();
            if (to == null || s.get(s.size() - 1).at().isAfter(to)) to = s.get(s.size() - 1).at();
            Duration d = Sparkline.step(s);
            if (!d.isZero() && (step == null || d.compareTo(step) < 0)) step = d;
        }
        int nameWidth = series.keySet().stream().mapToInt(k -> who(k).length()).max().orElse(4);
        List<String> lines = new ArrayList<>();
        String heading = null;
        for (Map.Entry<Series, List<Sample>> e : series.entrySet()) {
            Series k = e.getKey();
            String h = k.metric() + "/" + k.field() + "  " + TIME.format(from) + " → " + TIME.format(to);
            if (!h.equals(heading)) {
                lines.add(h);
                heading = h;
            }
            String line = Sparkline.render(e.getValue(), from, to, step, width);
            lines.add(String.format("  %-" + nameWidth + "s  %s  %s", who(k), line, Sparkline.legend(e.getValue())));
        }
        return new Sparklines(lines);
    }

    private static String who(Series k) {
        return k.label().isEmpty() ? k.host() : k.host() + " " + k.label();
    }

    @Override
    public String toString() {
        return String.join("\n", lines) + "\n";
    }
}
