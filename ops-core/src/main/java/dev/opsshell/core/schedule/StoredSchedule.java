package dev.opsshell.core.schedule;

import java.time.Instant;

/**
 * A schedule kept in the store, as a row: what and when, the run it is next due for, and what the
 * hubs running it recorded. {@code generation} changes when the name is registered again, so a run
 * of the replaced schedule never writes over the new one's record.
 *
 * @param leaseHolder the hub running it now (null when no run is going), until {@code leaseUntil}
 */
public record StoredSchedule(String name, When when, StoredAction action, long generation, Instant created,
                             Instant nextRun, Instant lastRun, RunOutcome lastOutcome, long runs, long skipped,
                             String leaseHolder, Instant leaseUntil) {

    public boolean running(Instant now) {
        return leaseHolder != null && leaseUntil != null && leaseUntil.isAfter(now);
    }

    public ScheduleState state(Instant now) {
        return new ScheduleState(name, when.describe(), "hub", action.describe(), lastRun, nextRun, lastOutcome, runs,
                skipped, running(now));
    }
}
