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

/** {@link ProcScript} through the host's own transport (local, SSH, an agent's exec): one command per host. */
public final class ScriptReadings implements ReadingSource {
    @Override
    public Fetched fetch(Hosts hosts, Host host, Set<Family> families, boolean twice) {
        Instant start = Instant.now();
        String transport = hosts.transportFor(host);
        Command command = Command.of(ProcScript.text(families, twice), hosts.session().settings());
        Result r = hosts.session().transport(transport).exec(host, command, OutputSink.NONE);
        if (!r.ok()) return new Fetched(r, List.of());
        try {
            return new Fetched(r, ProcParser.parse(r.stdout()));
        } catch (IllegalArgumentException e) {
            return new Fetched(Result.problem(host, Outcome.ERROR, e.getMessage(), start, transport), List.of());
        }
    }
}
