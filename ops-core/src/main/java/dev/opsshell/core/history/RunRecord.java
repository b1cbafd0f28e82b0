package dev.opsshell.core.history;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One recorded run: an operation on a group of hosts, as history keeps it. Text fields are already
 * masked ({@link Secrets}) by the time a record exists.
 *
 * @param id        the store's number for it (0 before it is stored); newer runs have larger ids
 * @param started   when the first host started
 * @param finished  when the run finished
 * @param who       {@code user@machine} that ran it
 * @param source    where it was started from (a snippet, a script, a command line, a schedule)
 * @param operation what ran: the results' title ({@code uptime}, {@code sudo systemctl restart nginx})
 * @param target    the host pattern or group it ran on ({@code web}, {@code web[01-03]})
 * @param via       the transport forced for every host ({@code agent}), or empty when chosen per host
 * @param transport the transports the hosts were reached by ({@code ssh}, {@code local,ssh})
 * @param exitCode  the run's code: 0 all ok, 4 some host not reached, 5 some host exited non-zero
 * @param hosts     how many hosts it ran on
 * @param failed    how many of them did not end ok
 * @param recipe    how to build the operation again, or null when it cannot be (a lambda)
 */
public record RunRecord(long id, Instant started, Instant finished, String who, RunSource source, String operation,
                        String target, String via, String transport, int exitCode, int hosts, int failed,
                        Recipe recipe) {
    public RunRecord {
        Objects.requireNonNull(started, "started");
        Objects.requireNonNull(finished, "finished");
        who = who == null ? "" : who;
        source = source == null ? RunSource.UNKNOWN : source;
        operation = operation == null ? "" : operation;
        target = target == null ? "" : target;
        via = via == null ? "" : via;
        transport = transport == null ? "" : transport;
    }

    public Duration duration() {
        return Duration.between(started, finished);
    }

    public boolean ok() {
        return failed == 0;
    }

    /** The same record under the id the store gave it. */
    public RunRecord withId(long newId) {
        return new RunRecord(newId, started, finished, who, source, operation, target, via, transport, exitCode, hosts,
                failed, recipe);
    }

    @Override
    public String toString() {
        return "#" + id + " " + (ok() ? "✔" : "✗") + " " + operation + " on " + target + " (" + hosts + " hosts, "
                + failed + " failed, exit " + exitCode + ") " + finished;
    }
}
