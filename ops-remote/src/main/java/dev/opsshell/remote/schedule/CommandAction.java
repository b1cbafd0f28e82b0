package dev.opsshell.remote.schedule;

import dev.opsshell.core.Session;
import dev.opsshell.core.schedule.ActionKind;
import dev.opsshell.core.schedule.ScheduledWork;

import java.util.List;

/**
 * The stored action {@code command PATTERN LINE}: the command line on the hosts the pattern
 * selects from the hub's inventory ({@code hosts(PATTERN).exec(LINE)}); failed hosts fail the run.
 */
public final class CommandAction implements ActionKind {
    @Override
    public String name() {
        return "command";
    }

    @Override
    public String usage() {
        return "command PATTERN COMMAND-LINE";
    }

    @Override
    public void check(List<String> args) {
        if (args.size() != 2 || args.get(0).isBlank() || args.get(1).isBlank()) {
            throw new IllegalArgumentException("a command schedule takes a host pattern and a command line, e.g."
                    + " runOn(\"web\", \"df -h\") or `ops schedule add NAME --every 5m command web 'df -h'`; got " + args);
        }
    }

    @Override
    public ScheduledWork work(List<String> args) {
        return () -> Session.current().inventory().select(args.get(0)).exec(args.get(1));
    }
}
