package dev.opsshell.core.store;

import dev.opsshell.core.schedule.RunOutcome;
import dev.opsshell.core.schedule.ScheduleStore;
import dev.opsshell.core.schedule.StoredAction;
import dev.opsshell.core.schedule.StoredSchedule;
import dev.opsshell.core.schedule.When;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@link ScheduleStore} on the store's database ({@code schedules}, {@code schedule_runners}); each method one transaction. */
final class JdbcSchedules implements ScheduleStore {
    private final Jdbc jdbc;

    JdbcSchedules(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public StoredSchedule put(String name, When when, StoredAction action, Instant firstRun) {
        return jdbc.write("saving schedule " + name, c -> {
            Jdbc.update(c, ScheduleRows.UPSERT, name, when.kind(), when.text(), action.kind(),
                    ScheduleRows.args(action.args()), Times.text(Instant.now()), Times.text(firstRun));
            return Jdbc.query(c, ScheduleRows.SELECT + " WHERE name = ?", ScheduleRows::read, name).get(0);
        });
    }

    @Override
    public Optional<StoredSchedule> get(String name) {
        return jdbc.list("reading schedule " + name, ScheduleRows.SELECT + " WHERE name = ?", ScheduleRows::read, name)
                .stream().findFirst();
    }

    @Override
    public List<StoredSchedule> list() {
        return jdbc.list("listing schedules", ScheduleRows.SELECT + " ORDER BY name", ScheduleRows::read);
    }

    @Override
    public boolean remove(String name) {
        return jdbc.write("stopping schedule " + name, c -> Jdbc.update(c, "DELETE FROM schedules WHERE name = ?", name)) > 0;
    }

    @Override
    public int removeAll() {
        return jdbc.write("stopping every schedule", c -> Jdbc.update(c, "DELETE FROM schedules"));
    }

    @Override
    public Claim claim(StoredSchedule s, Instant next, String runner, Instant leaseUntil, Instant now) {
        String due = Times.text(s.nextRun());
        return jdbc.write("claiming a run of schedule " + s.name(), c -> {
            if (Jdbc.update(c, ScheduleRows.CLAIM, Times.text(next), Times.text(now), runner, Times.text(leaseUntil),
                    s.name(), s.generation(), due, Times.text(now)) == 1) {
                return Claim.CLAIMED;
            }
            return Jdbc.update(c, ScheduleRows.SKIP, Times.text(next), s.name(), s.generation(), due) == 1
                    ? Claim.SKIPPED : Claim.LOST;
        });
    }

    @Override
    public boolean renew(String name, long generation, String runner, Instant leaseUntil) {
        return jdbc.write("renewing the lease on schedule " + name,
                c -> Jdbc.update(c, ScheduleRows.RENEW, Times.text(leaseUntil), name, generation, runner)) == 1;
    }

    @Override
    public void finish(String name, long generation, String runner, RunOutcome outcome, Instant finished) {
        jdbc.write("recording a run of schedule " + name, c -> Jdbc.update(c, ScheduleRows.FINISH, outcome.ok() ? 1 : 0,
                outcome.text(), Times.text(finished), name, generation, runner));
    }

    @Override
    public void heartbeat(String runner, String description, Instant now) {
        jdbc.write("noting schedule runner " + runner,
                c -> Jdbc.update(c, ScheduleRows.RUNNER_UPSERT, runner, description, Times.text(now)));
    }

    @Override
    public void forget(String runner) {
        jdbc.write("forgetting schedule runner " + runner, c -> Jdbc.update(c, "DELETE FROM schedule_runners WHERE id = ?", runner));
    }

    @Override
    public List<Runner> runners() {
        return jdbc.list("listing schedule runners", "SELECT id, description, seen FROM schedule_runners ORDER BY seen DESC",
                rs -> new Runner(rs.getString(1), rs.getString(2), Times.instant(rs.getString(3))));
    }
}
