package dev.opsshell.core.schedule;

import java.time.Instant;

/**
 * One schedule as {@code schedules()} shows it.
 *
 * @param where       {@code session} (lives as long as this shell) or {@code hub} (kept in the store, run by {@code ops hub})
 * @param lastRun     when the last run started, null before the first
 * @param nextRun     when it is next due
 * @param lastOutcome how the last finished run ended, null before the first
 * @param running     whether a run is going now
 */
public record ScheduleState(String name, String when, String where, String action, Instant lastRun, Instant nextRun,
                            RunOutcome lastOutcome, long runs, long skipped, boolean running) {
}
