package dev.opsshell.core.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opsshell.core.schedule.RunOutcome;
import dev.opsshell.core.schedule.StoredAction;
import dev.opsshell.core.schedule.StoredSchedule;
import dev.opsshell.core.schedule.When;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** The {@code schedules} table: a {@link StoredSchedule} per row, the action's arguments as a JSON array. */
final class ScheduleRows {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String SELECT = "SELECT name, when_kind, when_text, action_kind, action_args, generation, created, next_run,"
            + " last_run, last_ok, last_outcome, runs, skipped, lease_holder, lease_until FROM schedules";
    /** Registering a name again replaces it: new generation, counters and lease cleared. */
    static final String UPSERT = "INSERT INTO schedules (name, when_kind, when_text, action_kind, action_args, generation,"
            + " created, next_run, last_run, last_ok, last_outcome, last_finished, runs, skipped, lease_holder, lease_until)"
            + " VALUES (?, ?, ?, ?, ?, 1, ?, ?, NULL, NULL, NULL, NULL, 0, 0, NULL, NULL)"
            + " ON CONFLICT (name) DO UPDATE SET when_kind = excluded.when_kind, when_text = excluded.when_text,"
            + " action_kind = excluded.action_kind, action_args = excluded.action_args,"
            + " generation = schedules.generation + 1, created = excluded.created, next_run = excluded.next_run,"
            + " last_run = NULL, last_ok = NULL, last_outcome = NULL, last_finished = NULL, runs = 0, skipped = 0,"
            + " lease_holder = NULL, lease_until = NULL";
    /** The run due at next_run becomes this runner's, if no lease is held or it ran out. */
    static final String CLAIM = "UPDATE schedules SET next_run = ?, last_run = ?, lease_holder = ?, lease_until = ?"
            + " WHERE name = ? AND generation = ? AND next_run = ? AND (lease_until IS NULL OR lease_until < ?)";
    /** The run due at next_run is skipped: the previous one still holds its lease. */
    static final String SKIP = "UPDATE schedules SET next_run = ?, skipped = skipped + 1"
            + " WHERE name = ? AND generation = ? AND next_run = ?";
    static final String RENEW = "UPDATE schedules SET lease_until = ? WHERE name = ? AND generation = ? AND lease_holder = ?";
    static final String FINISH = "UPDATE schedules SET lease_holder = NULL, lease_until = NULL, runs = runs + 1,"
            + " last_ok = ?, last_outcome = ?, last_finished = ? WHERE name = ? AND generation = ? AND lease_holder = ?";
    static final String RUNNER_UPSERT = "INSERT INTO schedule_runners (id, description, seen) VALUES (?, ?, ?)"
            + " ON CONFLICT (id) DO UPDATE SET description = excluded.description, seen = excluded.seen";

    private ScheduleRows() {
    }

    static String args(List<String> args) {
        try {
            return JSON.writeValueAsString(args);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> args(String text) {
        try {
            return JSON.readValue(text, new TypeReference<List<String>>() { });
        } catch (JsonProcessingException e) {
            throw new StoreException("a stored schedule's arguments are not a JSON array: " + e.getOriginalMessage(), e);
        }
    }

    static StoredSchedule read(ResultSet rs) throws SQLException {
        long lastOk = rs.getLong("last_ok");
        boolean noOutcome = rs.wasNull();
        RunOutcome outcome = noOutcome ? null : RunOutcome.parse(lastOk == 1, rs.getString("last_outcome"));
        return new StoredSchedule(rs.getString("name"), When.parse(rs.getString("when_kind"), rs.getString("when_text")),
                new StoredAction(rs.getString("action_kind"), args(rs.getString("action_args"))), rs.getLong("generation"),
                Times.instant(rs.getString("created")), Times.instant(rs.getString("next_run")),
                Times.instant(rs.getString("last_run")), outcome, rs.getLong("runs"), rs.getLong("skipped"),
                rs.getString("lease_holder"), Times.instant(rs.getString("lease_until")));
    }
}
