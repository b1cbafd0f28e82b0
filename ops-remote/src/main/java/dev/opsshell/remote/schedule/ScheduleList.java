package dev.opsshell.remote.schedule;

import dev.opsshell.core.schedule.ScheduleState;
import dev.opsshell.core.text.Columns;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;

/**
 * Schedules as {@code schedules()} shows them: a list of {@link ScheduleState}s to work with,
 * printed as a table (name, when, where, action, last run, next run, last outcome, runs, skipped),
 * with a note when there is something to know (no hub runs the stored ones).
 */
public final class ScheduleList extends AbstractList<ScheduleState> {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());
    private final List<ScheduleState> schedules;
    private final String note;

    public ScheduleList(List<ScheduleState> schedules, String note) {
        this.schedules = List.copyOf(schedules);
        this.note = note == null ? "" : note;
    }

    @Override
    public ScheduleState get(int index) {
        return schedules.get(index);
    }

    @Override
    public int size() {
        return schedules.size();
    }

    /** What to know beside the table, or "". */
    public String note() {
        return note;
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        if (schedules.isEmpty()) {
            out.append("no schedules: every(Duration.ofMinutes(5), \"name\", () -> …) or cron(\"*/5 * * * *\", \"name\", runOn(\"web\", \"df -h\"))");
        } else {
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[]{"name", "when", "where", "action", "last run", "next run", "last outcome", "runs", "skipped"});
            for (ScheduleState s : schedules) {
                String outcome = s.running() ? "running" : s.lastOutcome() == null ? "-" : s.lastOutcome().text();
                rows.add(new String[]{s.name(), s.when(), s.where(), cut(s.action()), when(s.lastRun()), when(s.nextRun()),
                        cut(outcome), Long.toString(s.runs()), Long.toString(s.skipped())});
            }
            out.append(Columns.render(rows));
        }
        if (!note.isEmpty()) out.append('\n').append(note);
        return out.toString().stripTrailing();
    }

    private static String when(Instant t) {
        return t == null ? "-" : WHEN.format(t);
    }

    private static String cut(String s) {
        String line = s == null ? "" : s.replace('\n', ' ');
        return line.length() > 40 ? line.substring(0, 39) + "…" : line;
    }
}
