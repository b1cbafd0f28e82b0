package dev.opsshell.remote.check;

import dev.opsshell.core.host.Host;

import java.util.Objects;

/**
 * One check on one host: the verdict, what was expected and what was observed, side by side
 * ({@code mode: expected "0644", observed "0600"}), and for an error what went wrong.
 */
public record CheckResult(Host host, Check check, Verdict verdict, String expected, String observed, String message) {

    public CheckResult {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(verdict, "verdict");
        expected = expected == null ? "" : expected;
        observed = observed == null ? "" : observed;
        message = message == null ? "" : message;
    }

    public boolean passed() {
        return verdict == Verdict.PASS;
    }

    /** The line a report prints: {@code ✔ File: /etc/passwd: mode "0644"} or with the observed value. */
    public String line() {
        String mark = switch (verdict) {
            case PASS -> "✔";
            case FAIL -> "✗";
            case SKIP -> "-";
            case ERROR -> "!";
        };
        String head = mark + " " + (check.title().isEmpty() ? "" : check.title() + " — ") + check.name();
        return switch (verdict) {
            case PASS -> head + " " + expected;
            case SKIP -> head + " skipped";
            case FAIL -> head + ": expected " + expected + ", observed " + observed + (message.isEmpty() ? "" : " (" + message + ")");
            case ERROR -> head + ": " + message;
        };
    }

    @Override
    public String toString() {
        return host.name() + " " + line();
    }
}
