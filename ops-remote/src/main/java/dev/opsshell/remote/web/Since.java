package dev.opsshell.remote.web;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A report's time range as people write it: {@code 90s}, {@code 30m}, {@code 6h}, {@code 7d}; at most 400 days. */
public final class Since {
    private static final Pattern FORM = Pattern.compile("(\\d{1,6})([smhd])");
    private static final Duration LONGEST = Duration.ofDays(400);

    private Since() {
    }

    public static Duration parse(String text) {
        Matcher m = FORM.matcher(text == null ? "" : text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a time range: say 90s, 30m, 6h or 7d");
        }
        long n = Long.parseLong(m.group(1));
        Duration d = switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
        if (d.isZero() || d.compareTo(LONGEST) > 0) {
            throw new IllegalArgumentException("'" + text + "' is out of range: from 1s to 400d");
        }
        return d;
    }

    /** {@code since=…} from a URL's query, else {@code otherwise}. */
    static Duration fromQuery(String rawQuery, Duration otherwise) {
        if (rawQuery == null) return otherwise;
        for (String pair : rawQuery.split("&")) {
            if (pair.startsWith("since=")) return parse(java.net.URLDecoder.decode(pair.substring(6), java.nio.charset.StandardCharsets.UTF_8));
        }
        return otherwise;
    }
}
