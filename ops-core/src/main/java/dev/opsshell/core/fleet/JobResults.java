package dev.opsshell.core.fleet;

import dev.opsshell.core.job.JobRecord;
import dev.opsshell.core.job.JobStatus;
import dev.opsshell.core.system.Machine;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * How the jobs of one batch ended, one row per system, as data: who succeeded, who failed and
 * why. The next stage runs on the successful ones: {@code systems().typed("redis").stop().start()}.
 */
public record JobResults(Fleet fleet, String batch, List<JobRecord> jobs) {
    public List<JobRecord> succeeded() {
        return jobs.stream().filter(j -> j.status() == JobStatus.SUCCEEDED).toList();
    }

    public List<JobRecord> failed() {
        return jobs.stream().filter(j -> j.status() != JobStatus.SUCCEEDED).toList();
    }

    public boolean allSucceeded() {
        return !jobs.isEmpty() && failed().isEmpty();
    }

    /** The systems whose job succeeded (and still have a record). */
    public Systems successful() {
        return fleet.systems().only(succeeded().stream().map(JobRecord::systemId).filter(Objects::nonNull).toList());
    }

    /** The systems whose job did not succeed. */
    public Systems unsuccessful() {
        return fleet.systems().only(failed().stream().map(JobRecord::systemId).filter(Objects::nonNull).toList());
    }

    public JobResults start() {
        return successful().start();
    }

    public JobResults stop() {
        return successful().stop();
    }

    public JobResults provision() {
        return successful().provision();
    }

    public JobResults reboot() {
        return successful().reboot();
    }

    /** 0 when every job succeeded, 5 when any failed, as {@code ops exec} exits. */
    public int exitCode() {
        return allSucceeded() || jobs.isEmpty() ? 0 : 5;
    }

    @Override
    public String toString() {
        if (jobs.isEmpty()) return "no jobs";
        Map<String, Machine> machines = fleet.store().machines().stream().collect(Collectors.toMap(Machine::id, Function.identity()));
        StringBuilder out = new StringBuilder();
        for (JobRecord j : jobs) {
            Machine m = j.systemId() == null ? null : machines.get(j.systemId());
            String mark = j.status() == JobStatus.SUCCEEDED ? "✔" : "✗";
            String gone = j.systemId() == null ? null : fleet.submittedName(j.systemId());
            String name = m != null ? m.hostname() : gone != null ? gone + " (record gone)" : "(record gone)";
            String who = j.systemId() == null ? j.driver() : j.systemId() + " " + name;
            out.append(String.format("%s %-8s %-32s %-11s %8s%s%n", mark, j.kind().word(), who, j.status().word(),
                    took(j), j.error() == null ? "" : "  " + j.error()));
        }
        out.append(String.format("%d ok, %d failed", succeeded().size(), failed().size()));
        return out.toString();
    }

    private static String took(JobRecord j) {
        if (j.started() == null || j.finished() == null) return "";
        long ms = Duration.between(j.started(), j.finished()).toMillis();
        return ms < 1000 ? ms + " ms" : String.format("%.1f s", ms / 1000.0);
    }
}
