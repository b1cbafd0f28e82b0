package dev.opsshell.core.history;

import java.time.Instant;

/**
 * Which recorded runs to list, newest first. Every filter is optional (null or false: no filter).
 * Build it by chaining: {@code RunQuery.all().failed().host("web01").since(t).limit(20)}.
 *
 * @param failedOnly only runs where some host did not end ok
 * @param host       only runs that included this host (its inventory name)
 * @param operation  only runs whose operation matches this glob ({@code *} any text, {@code ?} one character)
 * @param since      only runs finished at or after this
 * @param until      only runs finished before this
 * @param limit      at most this many (the newest); {@link #DEFAULT_LIMIT} unless told
 */
public record RunQuery(boolean failedOnly, String host, String operation, Instant since, Instant until, int limit) {
    public static final int DEFAULT_LIMIT = 50;

    public RunQuery {
        if (limit < 0) throw new IllegalArgumentException("a limit cannot be negative: " + limit);
    }

    /** The newest {@link #DEFAULT_LIMIT} runs. */
    public static RunQuery all() {
        return new RunQuery(false, null, null, null, null, DEFAULT_LIMIT);
    }

    public RunQuery failed() {
        return new RunQuery(true, host, operation, since, until, limit);
    }

    public RunQuery host(String name) {
        return new RunQuery(failedOnly, name, operation, since, until, limit);
    }

    public RunQuery operation(String glob) {
        return new RunQuery(failedOnly, host, glob, since, until, limit);
    }

    public RunQuery since(Instant from) {
        return new RunQuery(failedOnly, host, operation, from, until, limit);
    }

    public RunQuery until(Instant to) {
        return new RunQuery(failedOnly, host, operation, since, to, limit);
    }

    public RunQuery limit(int n) {
        return new RunQuery(failedOnly, host, operation, since, until, n);
    }
}
