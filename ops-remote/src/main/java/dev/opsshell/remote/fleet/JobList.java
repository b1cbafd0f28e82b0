package dev.opsshell.remote.fleet;

import dev.opsshell.core.job.JobRecord;
import dev.opsshell.core.job.JobStatus;
import dev.opsshell.core.system.Machine;
import dev.opsshell.core.text.Columns;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Jobs as the shell shows them ({@code jobs()}, {@code ops jobs}): still a list of records to
 * work with, printed as a table: id, kind, system, status, when it started, how long it took, and
 * the step a running job is on or the error a failed one ended with.
 */
public final class JobList extends AbstractList<JobRecord> {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());
    private final List<JobRecord> jobs;
    private final Map<String, Machine> machines;
    private final Function<String, String> stepOf;

    /**
     * @param machines the systems by id (to name them by hostname)
     * @param stepOf   the step a job running in this shell is on, or null
     */
    public JobList(List<JobRecord> jobs, Map<String, Machine> machines, Function<String, String> stepOf) {
        this.jobs = List.copyOf(jobs);
        this.machines = Map.copyOf(machines);
        this.stepOf = stepOf;
    }

    @Override
    public JobRecord get(int index) {
        return jobs.get(index);
    }

    @Override
    public int size() {
        return jobs.size();
    }

    @Override
    public String toString() {
        if (jobs.isEmpty()) return "no jobs yet";
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[]{"job", "kind", "system", "status", "started", "took", "step or error"});
        for (JobRecord j : jobs) {
            Machine m = j.systemId() == null ? null : machines.get(j.systemId());
            String system = j.systemId() == null ? j.driver() : j.systemId() + " " + (m == null ? "(gone)" : m.hostname());
            String note = j.error() != null ? firstLine(j.error()) : j.status() == JobStatus.RUNNING ? orEmpty(stepOf.apply(j.id())) : "";
            rows.add(new String[]{j.id(), j.kind().word(), system, j.status().word(), when(j.started()), took(j), note});
        }
        return Columns.render(rows).stripTrailing();
    }

    private static String when(Instant t) {
        return t == null ? "-" : WHEN.format(t);
    }

    private static String took(JobRecord j) {
        if (j.started() == null) return "-";
        Instant end = j.finished() == null ? Instant.now() : j.finished();
        long ms = Duration.between(j.started(), end).toMillis();
        return ms < 1000 ? ms + " ms" : String.format("%.1f s", ms / 1000.0);
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        String line = nl < 0 ? s : s.substring(0, nl);
        return line.length() > 100 ? line.substring(0, 99) + "…" : line;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
