package dev.opsshell.shell.schedule;

import dev.opsshell.shell.JsonDocument;
import dev.opsshell.core.schedule.StoredSchedule;
import dev.opsshell.remote.schedule.ScheduleList;
import dev.opsshell.remote.schedule.SessionSchedules;
import dev.opsshell.shell.ExitCodes;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code ops schedule list}: the stored schedules as a table (with a note when no hub runs them), or a JSON array. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "The stored schedules: when, last run, next run, last outcome.")
final class ScheduleListCommand implements Callable<Integer> {
    /** The empty list says how to add one here, on the command line (not the shell's every(…)). */
    static final String EMPTY = "no stored schedules; keep one for ops hub to run with:"
            + " ops schedule add disk --every 5m command all 'df -h'";

    @ParentCommand
    ScheduleCommand parent;

    @Override
    public Integer call() {
        return list(parent);
    }

    static int list(ScheduleCommand parent) {
        return parent.run(parent.spec, (schedules, out) -> {
            Instant now = Instant.now();
            List<StoredSchedule> all = schedules.list();
            if (parent.json()) {
                out.println(JsonDocument.text(all.stream().map(s -> ScheduleJson.schedule(s, now)).toList()));
            } else if (all.isEmpty()) {
                out.println(EMPTY);
            } else {
                String note = all.isEmpty() ? "" : SessionSchedules.noHubNote(schedules, now);
                out.println(new ScheduleList(all.stream().map(s -> s.state(now)).toList(), note));
            }
            return ExitCodes.OK;
        });
    }
}
