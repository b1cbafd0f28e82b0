package dev.opsshell.core.text;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as people type and read them: a whole number and a unit, {@code 500ms}, {@code 30s},
 * {@code 5m}, {@code 2h}, {@code 2d}, {@code 2w}, or several of them largest first, as
 * {@link #words(Duration)} prints them ({@code 1h30m}). Case and spaces around the parts do not
 * matter. What a caller allows beyond that (a bare number, zero, {@code forever}, a longest range)
 * is the caller's to decide; the words for a mistake are this class's, the same everywhere.
 *
 * <pre>{@code
 * Durations.parse("90s")                          // PT1M30S
 * Durations.parse("45", ChronoUnit.SECONDS)       // a bare number in seconds (--timeout 45)
 * Durations.words(Duration.ofMinutes(90))         // "1h30m"
 * }</pre>
 */
public final class Durations {
    /** What every error says to write. */
    public static final String HOW = "write it as 500ms, 30s, 5m or 2h, or in days (2d) or weeks (2w)";

    private static final Pattern PART = Pattern.compile("\\s*(\\d+)\\s*(ms|s|m|h|d|w)\\s*");
    private static final Pattern BARE = Pattern.compile("\\s*\\d+\\s*");
    private static final ChronoUnit[] UNITS = {ChronoUnit.WEEKS, ChronoUnit.DAYS, ChronoUnit.HOURS, ChronoUnit.MINUTES,
            ChronoUnit.SECONDS, ChronoUnit.MILLIS};
    /** The longest duration: one whose milliseconds still fit a long ({@link Duration#toMillis()}), about 292 million years. */
    private static final Duration LONGEST = Duration.ofMillis(Long.MAX_VALUE);

    private Durations() {
    }

    /** A duration as typed ({@code 30s}, {@code 1h30m}); an {@link IllegalArgumentException} saying how to write one otherwise. */
    public static Duration parse(String text) {
        return parse(text, null);
    }

    /** As {@link #parse(String)}, and a bare number ({@code 45}) counts in {@code bareUnit} (null: refused). */
    public static Duration parse(String text, ChronoUnit bareUnit) {
        String t = text == null ? "" : text.toLowerCase(Locale.ROOT);
        try {
            if (bareUnit != null && BARE.matcher(t).matches()) return checked(bareUnit.getDuration().multipliedBy(Long.parseLong(t.strip())), text);
            return checked(parts(t, text), text);
        } catch (ArithmeticException | NumberFormatException e) { // digits beyond a long, or a sum beyond a Duration
            throw tooLong(text);
        }
    }

    /** As {@link #parse(String)}, refusing zero with the same advice. */
    public static Duration positive(String text) {
        Duration d = parse(text);
        if (d.isZero()) throw new IllegalArgumentException("'" + text + "' is no time at all; " + HOW);
        return d;
    }

    /** Short words for a duration, as {@link #parse(String)} reads them back: {@code 250ms}, {@code 30s}, {@code 1h30m}, {@code 2d}. */
    public static String words(Duration d) {
        if (d.isNegative()) throw new IllegalArgumentException("a duration to print must not be negative, got " + d);
        if (d.toMillis() < 1000) return d.toMillis() + "ms";
        StringBuilder s = new StringBuilder();
        if (d.toDays() > 0) s.append(d.toDays()).append('d');
        if (d.toHoursPart() > 0) s.append(d.toHoursPart()).append('h');
        if (d.toMinutesPart() > 0) s.append(d.toMinutesPart()).append('m');
        if (d.toSecondsPart() > 0 || s.isEmpty()) s.append(d.toSecondsPart()).append('s');
        if (d.toMillisPart() > 0) s.append(d.toMillisPart()).append("ms");
        return s.toString();
    }

    /** A limit as a sentence says it: {@code 2 s} when it is whole seconds, else {@code 1500 ms}. */
    public static String spoken(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    private static Duration parts(String t, String text) {
        Matcher m = PART.matcher(t);
        Duration total = Duration.ZERO;
        int end = 0;
        int smallestSoFar = -1; // units must come largest first, each once: 1h30m, not 30m1h or 5m5m
        while (end < t.length() && m.find(end) && m.start() == end) {
            int unit = unitIndex(m.group(2));
            if (unit <= smallestSoFar) throw notADuration(text);
            smallestSoFar = unit;
            total = total.plus(UNITS[unit].getDuration().multipliedBy(Long.parseLong(m.group(1))));
            end = m.end();
        }
        if (end == 0 || end < t.length()) throw notADuration(text);
        return total;
    }

    private static int unitIndex(String unit) {
        return switch (unit) {
            case "w" -> 0;
            case "d" -> 1;
            case "h" -> 2;
            case "m" -> 3;
            case "s" -> 4;
            default -> 5;
        };
    }

    private static Duration checked(Duration d, String text) {
        if (d.compareTo(LONGEST) > 0) throw tooLong(text);
        return d;
    }

    private static IllegalArgumentException notADuration(String text) {
        return new IllegalArgumentException("'" + (text == null ? "" : text) + "' is not a duration; " + HOW);
    }

    private static IllegalArgumentException tooLong(String text) {
        return new IllegalArgumentException("'" + text + "' is longer than a duration can be (about 292 million years); " + HOW);
    }
}
