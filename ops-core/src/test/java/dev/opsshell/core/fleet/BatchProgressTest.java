package dev.opsshell.core.fleet;

import dev.opsshell.core.job.JobKind;
import dev.opsshell.core.job.JobRecord;
import dev.opsshell.core.job.JobStatus;
import dev.opsshell.core.run.Progress;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BatchProgressTest {
    /** What the progress line was told, in order. */
    private static final class Told implements Progress {
        final List<String> said = new ArrayList<>();

        @Override
        public void ended(boolean ok) {
            said.add(ok ? "ok" : "failed");
        }

        @Override
        public void doing(String what) {
            said.add("doing " + what);
        }
    }

    private static JobRecord job(String id, String system, JobStatus status) {
        return new JobRecord(id, "b1", JobKind.CREATE, system, status, Map.of(), null, "kvm", Instant.now(), null, null, null);
    }

    @Test
    void stepsOfTheBatchsJobsAreShownByHostnameAndEndsCountedOnceJobsOfOtherBatchesIgnored() {
        Told told = new Told();
        BatchProgress p = new BatchProgress(told, List.of(job("j1", "s1", JobStatus.RUNNING), job("j2", "s2", JobStatus.SUCCEEDED)),
                Map.of("s1", "web-1", "s2", "web-2"));
        assertEquals(List.of("ok"), told.said, "a job already ended is counted at once");
        p.step("j1", "defining the domain");
        p.step("other", "something else");
        p.finished(job("j1", "s1", JobStatus.FAILED));
        p.finished(job("j1", "s1", JobStatus.FAILED));
        p.finished(job("other", "s9", JobStatus.SUCCEEDED));
        assertEquals(List.of("ok", "doing web-1: defining the domain", "failed", "doing "), told.said);
    }
}
