package dev.opsshell.core.job;

import com.github.kagkarlsson.scheduler.task.DeadExecutionHandler;
import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;

import java.time.Duration;
import java.time.Instant;

/**
 * The one db-scheduler task ops registers: its instance id is the job's id, its work is
 * {@link JobRunner#run}. A job whose system is busy is tried again shortly; any other failure was
 * already recorded on the job. A dead execution (its shell's heartbeat stopped) is reported
 * interrupted and removed: never revived by itself, as db-scheduler would do by default.
 */
final class JobTask extends OneTimeTask<Void> {
    static final String NAME = "ops-job";
    static final Duration BUSY_RETRY = Duration.ofMillis(200);

    private final JobRunner runner;

    JobTask(JobRunner runner) {
        super(NAME, Void.class, retryWhenBusy(), interruptedWhenDead(runner));
        this.runner = runner;
    }

    @Override
    public void executeOnce(TaskInstance<Void> instance, ExecutionContext context) {
        runner.run(instance.getId());
    }

    private static FailureHandler<Void> retryWhenBusy() {
        return (complete, ops) -> {
            if (complete.getCause().filter(SystemBusy.class::isInstance).isPresent()) {
                ops.reschedule(complete, Instant.now().plus(BUSY_RETRY));
            } else {
                ops.stop();
            }
        };
    }

    private static DeadExecutionHandler<Void> interruptedWhenDead(JobRunner runner) {
        return (complete, ops) -> {
            runner.interrupted(complete.getExecution().taskInstance.getId());
            ops.stop();
        };
    }
}
