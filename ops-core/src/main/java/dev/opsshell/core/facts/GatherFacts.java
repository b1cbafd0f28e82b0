package dev.opsshell.core.facts;

import dev.opsshell.core.Session;
import dev.opsshell.core.host.Host;
import dev.opsshell.core.host.Hosts;
import dev.opsshell.core.pipeline.Operation;
import dev.opsshell.core.result.Outcome;
import dev.opsshell.core.result.Result;
import dev.opsshell.core.result.Results;
import dev.opsshell.core.run.Fanout;
import dev.opsshell.core.transport.Command;
import dev.opsshell.core.transport.OutputSink;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The facts operation: {@link FactsScript} on every host through its own transport (agent, SSH or
 * local), one round trip each, parsed into {@link Facts}. As a pipeline step its results carry one
 * summary line per host; {@link #gather(Hosts)} also gives the typed facts.
 */
public final class GatherFacts implements Operation {
    private final Map<String, Facts> facts = new ConcurrentHashMap<>();

    /** Gathers now: the results (recorded in the session) and each reachable host's facts. */
    public static FactsResults gather(Hosts hosts) {
        GatherFacts op = new GatherFacts();
        Results results = hosts.run(op);
        return new FactsResults(results, op.facts);
    }

    @Override
    public Results run(Hosts hosts) {
        Session session = hosts.session();
        Command command = Command.of(FactsScript.TEXT, session.settings());
        return Fanout.run("facts", hosts, session.settings().forks(), session.progress(),
                host -> parsed(host, session.transport(hosts.transportFor(host)).exec(host, command, OutputSink.NONE)));
    }

    private Result parsed(Host host, Result raw) {
        if (!raw.ok()) return raw;
        try {
            Facts f = FactsParser.parse(host.name(), raw.stdout());
            facts.put(host.name(), f);
            String text = f.summary() + "\n" + (f.problems().isEmpty() ? "" : "missing: " + String.join("; ", f.problems()) + "\n");
            return new Result(host, Outcome.OK, 0, text, raw.stderr(), raw.truncated(), raw.start(), raw.duration(),
                    raw.transport(), "");
        } catch (RuntimeException e) {
            return new Result(host, Outcome.ERROR, raw.exitCode(), raw.stdout(), raw.stderr(), raw.truncated(), raw.start(),
                    raw.duration(), raw.transport(), "facts could not be read: " + e.getMessage());
        }
    }

    @Override
    public String toString() {
        return "facts";
    }
}
