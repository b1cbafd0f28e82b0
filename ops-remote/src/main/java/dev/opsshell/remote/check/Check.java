package dev.opsshell.remote.check;

import java.util.Map;
import java.util.Objects;

/**
 * One assertion: an attribute of a subject and what it should be ({@code File: /etc/passwd: mode
 * "0644"}). {@code title} and {@code meta} are carried to the report as goss carries them; a
 * skipped check is reported as skipped and not probed.
 */
public record Check(Subject subject, String attribute, Matcher expected, String title, boolean skip,
                    Map<String, Object> meta) {

    public Check {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(attribute, "attribute");
        Objects.requireNonNull(expected, "expected");
        if (!subject.kind().attributes().containsKey(attribute)) {
            throw new IllegalArgumentException(subject.kind().goss() + " has no attribute '" + attribute
                    + "' (it has " + String.join(", ", subject.kind().attributes().keySet()) + ")");
        }
        title = title == null ? "" : title;
        meta = meta == null ? Map.of() : Map.copyOf(meta);
    }

    public static Check of(Subject subject, String attribute, Matcher expected) {
        return new Check(subject, attribute, expected, "", false, Map.of());
    }

    /** The same check reported under a title. */
    public Check titled(String newTitle) {
        return new Check(subject, attribute, expected, newTitle, skip, meta);
    }

    /** The same check, reported as skipped. */
    public Check skipped() {
        return new Check(subject, attribute, expected, title, true, meta);
    }

    /** goss's line for it: {@code File: /etc/passwd: mode}. */
    public String name() {
        return subject + ": " + attribute;
    }

    @Override
    public String toString() {
        return name() + " " + expected.describe();
    }
}
