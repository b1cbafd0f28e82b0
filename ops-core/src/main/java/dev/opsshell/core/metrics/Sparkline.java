package dev.opsshell.core.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One series as a line of block characters {@code ▁▂▃▄▅▆▇█}: the time range is cut into at most
 * {@code width} equal columns (never finer than the samples' own spacing), each column the mean of
 * the samples in it, a blank where none is (a gap: the host did not answer). Scaled between the
 * series' own min and max; a flat series (one moving less than 1 % of its values) is all {@code ▁}. Pure.
 */
public final class Sparkline {
    static final String BLOCKS = "▁▂▃▄▅▆▇█";

    private Sparkline() {
    }

    /** The columns of {@code samples} (time-ordered) over [from, to], at most {@code width} wide. */
    public static String render(List<Sample> samples, Instant from, Instant to, Duration step, int width) {
        int columns = columns(from, to, step, width);
        double[] sum = new double[columns];
        int[] count = new int[columns];
        double span = Math.max(1, Duration.between(from, to).toMillis());
        for (Sample s : samples) {
            long at = Duration.between(from, s.at()).toMillis();
            if (at < 0 || at > span) continue;
            int c = Math.min(columns - 1, (int) (at / span * columns));
            sum[c] += s.value();
            count[c]++;
        }
        double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < columns; c++) {
            if (count[c] == 0) continue;
            double v = sum[c] / count[c];
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        // a range below 1 % of the values' size is noise (a disk's used_pct moving in its third decimal): drawn flat
        double range = Math.max(max - min, 0.01 * Math.max(Math.abs(max), Math.abs(min)));
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < columns; c++) {
            if (count[c] == 0) {
                line.append(' ');
                continue;
            }
            double v = sum[c] / count[c];
            int level = range == 0 ? 0 : (int) Math.round((v - min) / range * (BLOCKS.length() - 1));
            line.append(BLOCKS.charAt(level));
        }
        return line.toString();
    }

    /**
     * As many columns as the range holds steps, at least one, at most {@code width}. Rounded, not cut:
     * a period that jitters (9 steps of 5 s, the median one 5.3 s) would otherwise lose a column and
     * draw two samples as one.
     */
    static int columns(Instant from, Instant to, Duration step, int width) {
        long span = Duration.between(from, to).toMillis();
        long each = step == null || step.isZero() || step.isNegative() ? 1 : step.toMillis();
        long n = Math.round((double) span / each) + 1;
        return (int) Math.max(1, Math.min(width, n));
    }

    /** The usual spacing of a series' samples (the median gap), zero for fewer than two. */
    public static Duration step(List<Sample> samples) {
        List<Long> gaps = new ArrayList<>();
        for (int i = 1; i < samples.size(); i++) {
            long g = Duration.between(samples.get(i - 1).at(), samples.get(i).at()).toMillis();
            if (g > 0) gaps.add(g);
        }
        if (gaps.isEmpty()) return Duration.ZERO;
        gaps.sort(null);
        return Duration.ofMillis(gaps.get(gaps.size() / 2));
    }

    /** {@code min 1.2 max 80.5 last 12.0}, in the field's unit. */
    static String legend(List<Sample> samples) {
        double min = samples.stream().mapToDouble(Sample::value).min().orElse(0);
        double max = samples.stream().mapToDouble(Sample::value).max().orElse(0);
        Sample last = samples.get(samples.size() - 1);
        return String.format(Locale.ROOT, "min %s  max %s  last %s", SampleFormats.human(last.metric(), last.field(), min),
                SampleFormats.human(last.metric(), last.field(), max), SampleFormats.human(last.metric(), last.field(), last.value()));
    }
}
