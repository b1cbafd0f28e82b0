package dev.opsshell.core.schedule;

import dev.opsshell.core.result.Outcome;
import dev.opsshell.core.result.Result;
import dev.opsshell.core.result.Results;

import java.util.List;

/**
 * How one run of a schedule ended: ok, or failed with a short reason (results with failed hosts,
 * a non-zero exit code, an exception's message).
 */
public record RunOutcome(boolean ok, String text) {
    public static final RunOutcome OK = new RunOutcome(true, "ok");
    private static final int SHOWN = 3;

    /** Judges what a run returned: results by their hosts, an integer as an exit code, anything else ok. */
    public static RunOutcome of(Object value) {
        if (value instanceof Results r) {
            return r.allOk() ? OK : new RunOutcome(false, "failed: " + r.failed().size() + " of " + r.size()
                    + " hosts (" + firstFailures(r) + ")");
        }
        if (value instanceof Integer code && code != 0) return new RunOutcome(false, "failed: exit " + code);
        if (value instanceof Boolean b && !b) return new RunOutcome(false, "failed: false");
        return OK;
    }

    /** A run that threw. */
    public static RunOutcome failed(Throwable t) {
        String m = t.getMessage();
        return new RunOutcome(false, "failed: " + (m == null || m.isBlank() ? t.getClass().getSimpleName() : firstLine(m)));
    }

    /** The stored form back: ok, or the failure's text. */
    public static RunOutcome parse(boolean ok, String text) {
        return ok ? OK : new RunOutcome(false, text);
    }

    /**
     * The first failed hosts and why, as the host said it ({@code web2: exit 3}, {@code web3:
     * unreachable}): ops's own exit code (5 for any failed host) would tell the operator nothing.
     */
    private static String firstFailures(Results r) {
        List<Result> failed = r.failed().list();
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < Math.min(SHOWN, failed.size()); i++) {
            Result f = failed.get(i);
            if (i > 0) s.append(", ");
            s.append(f.host().name()).append(": ")
                    .append(f.outcome() == Outcome.FAILED ? "exit " + f.exitCode() : f.outcome().label());
        }
        if (failed.size() > SHOWN) s.append(", +").append(failed.size() - SHOWN).append(" more");
        return s.toString();
    }

    private static String firstLine(String s) {
        String line = s.strip().lines().findFirst().orElse("");
        return line.length() > 200 ? line.substring(0, 197) + "..." : line;
    }

    @Override
    public String toString() {
        return text;
    }
}
