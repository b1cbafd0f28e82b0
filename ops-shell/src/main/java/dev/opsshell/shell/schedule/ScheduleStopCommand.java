package dev.opsshell.shell.schedule;

import dev.opsshell.shell.JsonDocument;
import dev.opsshell.core.schedule.StoredSchedule;
import dev.opsshell.shell.ExitCodes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code ops schedule stop NAME… | --all}: removes stored schedules (a run going on finishes). */
@Command(name = "stop", mixinStandardHelpOptions = true, description = "Stop stored schedules by name, or all with --all.")
final class ScheduleStopCommand implements Callable<Integer> {
    @ParentCommand
    ScheduleCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--all", description = "Stop every stored schedule.")
    boolean all;

    @Parameters(paramLabel = "NAME", arity = "0..*", description = "The schedules to stop.")
    List<String> names = new ArrayList<>();

    @Override
    public Integer call() {
        return parent.run(spec, (schedules, out) -> {
            if (all == !names.isEmpty()) {
                throw new IllegalArgumentException("give the names of the schedules to stop, or --all (not both)");
            }
            List<String> stopped = new ArrayList<>();
            if (all) {
                schedules.list().forEach(s -> stopped.add(s.name()));
                schedules.removeAll();
            } else {
                List<String> known = schedules.list().stream().map(StoredSchedule::name).toList();
                for (String n : names) {
                    if (!known.contains(n)) {
                        throw new IllegalArgumentException("no stored schedule named '" + n + "'" + (known.isEmpty()
                                ? "; there are none" : "; there are: " + String.join(", ", known)) + " (nothing was stopped)");
                    }
                }
                for (String n : names) if (schedules.remove(n)) stopped.add(n);
            }
            if (parent.json()) {
                Map<String, Object> o = new LinkedHashMap<>();
                o.put("stopped", stopped);
                out.println(JsonDocument.text(o));
            } else {
                out.println(stopped.isEmpty() ? "no schedules to stop" : "stopped " + String.join(", ", stopped));
            }
            return ExitCodes.OK;
        });
    }
}
