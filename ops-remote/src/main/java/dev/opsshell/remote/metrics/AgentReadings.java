package dev.opsshell.remote.metrics;

import dev.opsshell.agent.protocol.Message;
import dev.opsshell.core.host.Host;
import dev.opsshell.core.host.Hosts;
import dev.opsshell.core.metrics.Family;
import dev.opsshell.core.metrics.ProcScript;
import dev.opsshell.core.metrics.ReadingSource;
import dev.opsshell.core.metrics.Reading;
import dev.opsshell.core.result.Outcome;
import dev.opsshell.core.result.Result;
import dev.opsshell.remote.hub.AgentLink;
import dev.opsshell.remote.hub.AgentTransport;
import dev.opsshell.remote.hub.SessionHub;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Readings from an agent's own sampler: one {@code metrics} request, answered from /proc in the
 * agent's JVM with no process started (a host's first round asks for two readings a second apart).
 * An agent that is not connected is that host's UNREACHABLE, as for any agent operation.
 */
public final class AgentReadings implements ReadingSource {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Override
    public Fetched fetch(Hosts hosts, Host host, Set<Family> families, boolean twice) {
        Instant start = Instant.now();
        AgentLink link = SessionHub.of(hosts.session());
        int pair = twice ? ProcScript.FIRST_GAP_SECONDS * 1000 : 0;
        Message.Reply r = link.call(AgentTransport.agentName(host), id -> new Message.Metrics(id, pair), o -> { }, WAIT)
                .reply().join();
        if (r instanceof Message.ErrorReply e) {
            boolean gone = e.code().equals("agent-not-connected") || e.code().equals("agent-lost");
            return new Fetched(Result.problem(host, gone ? Outcome.UNREACHABLE : Outcome.ERROR, e.message(), start,
                    AgentTransport.NAME), List.of());
        }
        if (!(r instanceof Message.MetricsReply m)) {
            return new Fetched(Result.problem(host, Outcome.ERROR, "the agent answered a metrics request with "
                    + r.getClass().getSimpleName(), start, AgentTransport.NAME), List.of());
        }
        List<Reading> readings = new ArrayList<>();
        if (!m.before().isEmpty()) readings.add(AgentCounters.reading(m.before()));
        readings.add(AgentCounters.reading(m.values()));
        return new Fetched(Result.exited(host, 0, "", "", false, start, AgentTransport.NAME), readings);
    }
}
