package dev.opsshell.core.schedule;

import java.time.Instant;

/**
 * One run of a schedule ended (published on the session's events, for notifications).
 *
 * @param where {@code session} (a lambda in this shell) or {@code hub} (a stored schedule run by {@code ops hub})
 */
public record ScheduleFinished(String name, String where, String action, RunOutcome outcome, Instant started,
                               Instant finished) {
}
