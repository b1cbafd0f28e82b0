package dev.opsshell.core.pipeline;

import dev.opsshell.core.Session;
import dev.opsshell.core.history.Rebuildable;
import dev.opsshell.core.history.Recipe;
import dev.opsshell.core.host.Hosts;
import dev.opsshell.core.result.Results;
import dev.opsshell.core.run.Fanout;
import dev.opsshell.core.transport.Command;
import dev.opsshell.core.transport.OutputSink;
import dev.opsshell.core.transport.Settings;

import java.util.function.UnaryOperator;

/**
 * The basic operation: a shell command on every host, fanned out in parallel through each host's
 * transport. Other built-ins (ls, ping, …) are commands run through this.
 */
public final class Exec implements Operation, Rebuildable {
    private final String title;
    private final String line;
    private final UnaryOperator<Command> adjust;
    private final Recipe recipe;

    private Exec(String title, String line, UnaryOperator<Command> adjust, Recipe recipe) {
        this.title = title;
        this.line = line;
        this.adjust = adjust;
        this.recipe = recipe;
    }

    public static Exec of(String line) {
        return new Exec(line, line, UnaryOperator.identity(), Recipe.of("exec", line));
    }

    public static Exec sudo(String line) {
        return new Exec("sudo " + line, line, c -> c.withSudo(true), Recipe.of("sudo", line));
    }

    /** The same command under another title (how built-ins name themselves in output). */
    public static Exec titled(String title, String line) {
        return new Exec(title, line, UnaryOperator.identity(),
                title.equals(line) ? Recipe.of("exec", line) : Recipe.of("exec", line, title));
    }

    /** How history builds it again ({@code exec} or {@code sudo} and the command line). */
    @Override
    public Recipe recipe() {
        return recipe;
    }

    @Override
    public Results run(Hosts hosts) {
        Session session = hosts.session();
        Settings settings = session.settings();
        Command command = adjust.apply(Command.of(line, settings));
        OutputSink sink = settings.stream() ? new LinePrefixSink(session.out()) : OutputSink.NONE;
        return Fanout.run(title, hosts, settings.forks(), session.progress(),
                host -> session.transport(hosts.transportFor(host)).exec(host, command, sink));
    }

    @Override
    public String toString() {
        return "exec(" + title + ")";
    }
}
