package dev.opsshell.shell.schedule;

import dev.opsshell.shell.JsonDocument;
import dev.opsshell.core.schedule.ActionKinds;
import dev.opsshell.core.schedule.ScheduleNames;
import dev.opsshell.core.schedule.StoredAction;
import dev.opsshell.core.schedule.StoredSchedule;
import dev.opsshell.core.schedule.When;
import dev.opsshell.remote.schedule.ScheduleList;
import dev.opsshell.remote.schedule.SessionSchedules;
import dev.opsshell.shell.DurationConverter;
import dev.opsshell.shell.ExitCodes;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code ops schedule add NAME (--every D | --cron EXPR) KIND ARGS…}: keeps a schedule in the store for ops hub; a name again replaces it. */
@Command(name = "add", mixinStandardHelpOptions = true,
        description = "Keep a schedule in the store for ops hub to run (the same name again replaces it).",
        footer = {"", "KIND ARGS: command PATTERN COMMAND-LINE | script FILE.jsh [ARGS…] | any kind the hub knows (sample PATTERN FAMILY…)."})
final class ScheduleAddCommand implements Callable<Integer> {
    @ParentCommand
    ScheduleCommand parent;

    @Spec
    CommandSpec spec;

    static final class Timing {
        @Option(names = "--every", paramLabel = "DURATION", required = true, description = "A period: 30s, 5m, 2h.")
        String every;

        @Option(names = "--cron", paramLabel = "EXPR", required = true,
                description = "Unix cron's five fields: minute hour day-of-month month day-of-week, e.g. '*/5 * * * *'.")
        String cron;
    }

    @ArgGroup(multiplicity = "1")
    Timing timing;

    @Parameters(index = "0", paramLabel = "NAME", description = "The schedule's name.")
    String name;

    @Parameters(index = "1", paramLabel = "KIND", description = "command, script, or another kind the hub knows.")
    String kind;

    @Parameters(index = "2..*", paramLabel = "ARGS", description = "The kind's arguments.")
    List<String> args = new ArrayList<>();

    @Override
    public Integer call() {
        return parent.run(spec, (schedules, out) -> {
            ScheduleNames.check(name);
            When when = timing.every != null ? When.every(period(timing.every)) : cron(timing.cron);
            StoredAction action = ActionKinds.check(new StoredAction(kind, scriptPathMadeAbsolute(kind, args)));
            Instant now = Instant.now();
            StoredSchedule s = schedules.put(name, when, action, when.next(now));
            String note = SessionSchedules.noHubNote(schedules, now);
            if (parent.json()) {
                Map<String, Object> o = ScheduleJson.schedule(s, now);
                o.put("hub_running", note.isEmpty());
                out.println(JsonDocument.text(o));
            } else {
                out.println(new ScheduleList(List.of(s.state(now)), note));
            }
            return ExitCodes.OK;
        });
    }

    private static Duration period(String text) {
        Duration d;
        try {
            d = DurationConverter.parse(text);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("--every: " + e.getMessage());
        }
        if (d.isZero() || d.isNegative()) throw new IllegalArgumentException("--every " + text + ": give a period longer than zero: 30s, 5m, 2h");
        return d;
    }

    /** The command line's words for the shell's: a lone field is most likely the five left unquoted. */
    private static When cron(String text) {
        if (!text.isBlank() && text.strip().split("\\s+").length == 1) {
            throw new IllegalArgumentException("--cron " + text + ": give all five fields as one argument, quoted: --cron '*/5 * * * *'"
                    + " (minute hour day-of-month month day-of-week)");
        }
        try {
            return When.cron(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--cron " + e.getMessage().replace("every(Duration.ofSeconds(n), …)", "--every 30s"), e);
        }
    }

    private static List<String> scriptPathMadeAbsolute(String kind, List<String> args) {
        if (!kind.equals("script") || args.isEmpty()) return args;
        List<String> out = new ArrayList<>(args);
        out.set(0, java.nio.file.Path.of(args.get(0)).toAbsolutePath().normalize().toString());
        return out;
    }
}
