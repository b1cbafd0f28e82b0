package dev.opsshell.core.pipeline;

import dev.opsshell.core.Session;
import dev.opsshell.core.history.Rebuildable;
import dev.opsshell.core.history.Recipe;
import dev.opsshell.core.host.Host;
import dev.opsshell.core.host.Hosts;
import dev.opsshell.core.result.Outcome;
import dev.opsshell.core.result.Result;
import dev.opsshell.core.result.Results;
import dev.opsshell.core.run.Fanout;
import dev.opsshell.core.transport.Command;
import dev.opsshell.core.transport.OutputSink;

import java.time.Instant;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * An operation that runs one shell script per host, built for that host (its variables, its
 * package manager…), through the host's own transport: one round trip per host. A script that
 * cannot be built for a host ({@link IllegalArgumentException}) is that host's ERROR, with the
 * reason; the other hosts run. {@code interpret} turns a finished result into the operation's own
 * (a lock message, a summary line).
 */
public final class HostScript implements Operation, Rebuildable {
    private final String title;
    private final Function<Host, String> script;
    private final boolean privileged;
    private final Map<String, String> env;
    private final BiFunction<Host, Result, Result> interpret;
    private final Recipe recipe;

    private HostScript(String title, Function<Host, String> script, boolean privileged, Map<String, String> env,
                       BiFunction<Host, Result, Result> interpret, Recipe recipe) {
        this.title = title;
        this.script = script;
        this.privileged = privileged;
        this.env = env;
        this.interpret = interpret;
        this.recipe = recipe;
    }

    /** A script run as the login user. */
    public static HostScript of(String title, Function<Host, String> script) {
        return new HostScript(title, script, false, Map.of(), (h, r) -> r, null);
    }

    /** The same script run as root (through sudo unless the login user is root). */
    public HostScript privileged() {
        return new HostScript(title, script, true, env, interpret, null);
    }

    public HostScript withEnv(Map<String, String> vars) {
        return new HostScript(title, script, privileged, vars, interpret, null);
    }

    /** The same script whose results are read by {@code how} before they are returned. */
    public HostScript interpreted(BiFunction<Host, Result, Result> how) {
        BiFunction<Host, Result, Result> before = interpret;
        return new HostScript(title, script, privileged, env, (h, r) -> how.apply(h, before.apply(h, r)), null);
    }

    /**
     * The same script, declaring how history builds it again ({@code install ["nginx"]}); a change
     * made after this (another env, another reading) drops the recipe, which no longer describes it.
     */
    public HostScript rebuiltBy(Recipe how) {
        return new HostScript(title, script, privileged, env, interpret, how);
    }

    /** How to build it again, or null when it was not declared. */
    @Override
    public Recipe recipe() {
        return recipe;
    }

    public String title() {
        return title;
    }

    /** The script for {@code host}, as it would run (for tests and for the curious operator). */
    public String scriptFor(Host host) {
        return script.apply(host);
    }

    @Override
    public Results run(Hosts hosts) {
        Session session = hosts.session();
        return Fanout.run(title, hosts, session.settings().forks(), session.progress(), host -> runOn(hosts, host));
    }

    private Result runOn(Hosts hosts, Host host) {
        Session session = hosts.session();
        Instant start = Instant.now();
        String line;
        try {
            line = script.apply(host);
        } catch (IllegalArgumentException e) {
            return Result.problem(host, Outcome.ERROR, e.getMessage(), start, hosts.transportFor(host));
        }
        Command command = Command.of(line, session.settings()).withSudo(privileged).withEnv(env);
        Result r = session.transport(hosts.transportFor(host)).exec(host, command, OutputSink.NONE);
        return r.outcome().isConnectionProblem() ? r : interpret.apply(host, r);
    }

    @Override
    public String toString() {
        return title;
    }
}
