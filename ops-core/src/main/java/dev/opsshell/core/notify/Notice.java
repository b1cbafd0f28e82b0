package dev.opsshell.core.notify;

import java.time.Instant;
import java.util.Map;

/**
 * What a notifier tells: a kind ({@code run}, {@code schedule}, {@code threshold}, {@code agent},
 * {@code test}), a one-line title (a mail's subject, a desktop bubble's heading), a body, the
 * details as fields (host, metric, value, …) and when it happened.
 */
public record Notice(String kind, String title, String body, Map<String, String> fields, Instant at) {
    public Notice {
        fields = Map.copyOf(fields);
    }

    /** One line for logs: {@code [threshold] web1: disk /var at 91.0% (above 85%)}. */
    public String line() {
        return "[" + kind + "] " + title;
    }
}
