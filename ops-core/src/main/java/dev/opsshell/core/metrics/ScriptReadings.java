package dev.opsshell.core.metrics;

import dev.opsshell.core.host.Host;
import dev.opsshell.core.host.Hosts;
import dev.opsshell.core.result.Outcome;
import dev.opsshell.core.result.Result;
import dev.opsshell.core.transport.Command;
import dev.opsshell.core.transport.OutputSink;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * {@link ProcScript} through the host's own transport (local, SSH, an agent's exec): one command
 * per host, given at most {@link #TIMEOUT} (a hung host must not hold up the next rounds).
 */
public final class ScriptReadings implements ReadingSource {
    public static final java.time.Duration TIMEOUT = java.time.Duration.ofSeconds(30);
    private final java.time.Duration timeout;

    public ScriptReadings() {
        this(TIMEOUT);
    }

    public ScriptReadings(java.time.Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    public Fetched fetch(Hosts hosts, Host host, Set<Family> families, boolean twice) {
        Instant start = Instant.now();
        String transport = hosts.transportFor(host);
        Command command = Command.of(ProcScript.text(families, twice), hosts.session().settings()).withTimeout(timeout);
        Result r = hosts.session().transport(transport).exec(host, command, OutputSink.NONE);
        if (!r.ok()) return new Fetched(r, List.of());
        try {
            return new Fetched(r, ProcParser.parse(r.stdout()));
        } catch (IllegalArgumentException e) {
            return new Fetched(Result.problem(host, Outcome.ERROR, e.getMessage(), start, transport), List.of());
        }
    }
}
