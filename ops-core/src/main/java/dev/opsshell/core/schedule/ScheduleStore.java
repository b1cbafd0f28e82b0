package dev.opsshell.core.schedule;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The stored schedules ({@code Store.schedules()}): registered from shells and the command line,
 * run by {@code ops hub}. Every run is claimed by one hub through a compare-and-set on the time it
 * is due, so two hubs on one database never start the same run; a hub running it holds a lease it
 * renews, and a run still going when the next is due makes that one a skip.
 */
public interface ScheduleStore {
    /** What a hub's claim of a due run gave. */
    enum Claim {
        /** This hub runs it (it holds the lease). */
        CLAIMED,
        /** The previous run still holds its lease: this one is skipped and counted. */
        SKIPPED,
        /** Another hub acted on this due time first, or the schedule was replaced or stopped. */
        LOST
    }

    /** A hub seen running schedules on this store. */
    record Runner(String id, String description, Instant seen) { }

    /** Registers {@code name}, replacing one of that name (its counters start again); first due at {@code firstRun}. */
    StoredSchedule put(String name, When when, StoredAction action, Instant firstRun);

    Optional<StoredSchedule> get(String name);

    /** By name. */
    List<StoredSchedule> list();

    /** Stops one; false when there was none of that name. */
    boolean remove(String name);

    /** Stops all; returns how many. */
    int removeAll();

    /**
     * Claims the run of {@code schedule} due at its {@code nextRun} for {@code runner}, moving the
     * schedule on to {@code next}: the run is this hub's when no lease is held (or it ran out),
     * a skip when one is, and lost when the row no longer says this due time and generation.
     */
    Claim claim(StoredSchedule schedule, Instant next, String runner, Instant leaseUntil, Instant now);

    /** Extends the lease of a run this runner holds; false when it no longer does. */
    boolean renew(String name, long generation, String runner, Instant leaseUntil);

    /** Records a run's end and frees the lease (nothing when the schedule was replaced or stopped meanwhile). */
    void finish(String name, long generation, String runner, RunOutcome outcome, Instant finished);

    /** Notes that {@code runner} is alive and running schedules. */
    void heartbeat(String runner, String description, Instant now);

    /** A runner shutting down. */
    void forget(String runner);

    /** The hubs that said they were alive, newest first. */
    List<Runner> runners();
}
