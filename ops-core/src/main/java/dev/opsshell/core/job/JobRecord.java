package dev.opsshell.core.job;

import java.time.Instant;
import java.util.Map;

/**
 * One job as the store keeps it. {@code batch} groups the jobs of one command (a create of three
 * machines is one batch of three), {@code owner} is the shell instance that runs it, {@code args}
 * the job's plain-string arguments (a stop's grace period, a converge's reason); no secrets.
 */
public record JobRecord(String id, String batch, JobKind kind, String systemId, JobStatus status,
                        Map<String, String> args, String owner, String driver, Instant created,
                        Instant started, Instant finished, String error) {
    public JobRecord {
        args = Map.copyOf(args == null ? Map.of() : args);
    }

    public JobRecord with(JobStatus next, Instant startedAt, Instant finishedAt, String err) {
        return new JobRecord(id, batch, kind, systemId, next, args, owner, driver, created, startedAt, finishedAt, err);
    }

    public JobRecord ownedBy(String who) {
        return new JobRecord(id, batch, kind, systemId, status, args, who, driver, created, started, finished, error);
    }
}
