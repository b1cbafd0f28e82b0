package dev.opsshell.core.fleet;

import dev.opsshell.core.job.JobEvents;
import dev.opsshell.core.job.JobRecord;
import dev.opsshell.core.job.JobStatus;
import dev.opsshell.core.run.Progress;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The progress of a batch being waited for, drawn by the session's progress line
 * ({@code create  1/2 · web-2: waiting for an address · 3.1 s}): jobs counted as they end, and
 * the step of the job that moved last, or how many run when several do. Told by this shell's job
 * events; jobs of the batch run by another shell are counted when the wait ends.
 */
final class BatchProgress implements JobEvents.Listener {
    private final Progress progress;
    private final Map<String, String> names = new LinkedHashMap<>(); // job id → hostname
    private final Map<String, String> steps = new ConcurrentHashMap<>();
    private final Set<String> ended = ConcurrentHashMap.newKeySet();

    BatchProgress(Progress progress, List<JobRecord> jobs, Map<String, String> hostnames) {
        this.progress = progress;
        for (JobRecord j : jobs) {
            names.put(j.id(), j.systemId() == null ? j.driver() : hostnames.getOrDefault(j.systemId(), j.systemId()));
            if (j.status().finished()) finished(j);
        }
    }

    @Override
    public void step(String jobId, String step) {
        String who = names.get(jobId);
        if (who == null || ended.contains(jobId)) return;
        steps.put(jobId, step);
        int running = steps.size();
        progress.doing(running > 1 ? running + " running · " + who + ": " + step : who + ": " + step);
    }

    @Override
    public void finished(JobRecord job) {
        if (!names.containsKey(job.id()) || !ended.add(job.id())) return;
        boolean wasShown = steps.remove(job.id()) != null;
        progress.ended(job.status() == JobStatus.SUCCEEDED);
        if (wasShown && steps.isEmpty()) progress.doing("");
    }
}
