package dev.opsshell.remote.hub;

import dev.opsshell.agent.protocol.ErrorCode;
import dev.opsshell.agent.protocol.Message;
import dev.opsshell.core.host.Host;
import dev.opsshell.core.result.Outcome;
import dev.opsshell.core.result.Result;
import dev.opsshell.core.transport.Command;
import dev.opsshell.core.transport.CutShort;
import dev.opsshell.core.transport.OutputSink;
import dev.opsshell.core.transport.StreamCollector;
import dev.opsshell.core.transport.Transport;
import dev.opsshell.remote.become.Become;
import dev.opsshell.remote.become.ShellLine;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * Runs commands and copies files through agents connected to the hub: the host's agent is the one
 * registered under the host's name, or under its {@code ops_agent} inventory variable. Results are
 * the same as over SSH and say {@code agent}; a host whose agent is not connected is
 * {@code UNREACHABLE} at once (see {@code downgrade(…)} to fall back to SSH for those).
 */
public final class AgentTransport implements Transport {
    public static final String NAME = "agent";
    /** How long past a command's own timeout the hub waits before it gives up on the agent. */
    static final Duration GRACE = Duration.ofSeconds(10);

    private final Supplier<AgentLink> link;

    public AgentTransport(Supplier<AgentLink> link) {
        this.link = link;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** The agent name a host is reached by: its {@code ops_agent} variable, else its own name. */
    public static String agentName(Host host) {
        return host.var("ops_agent").orElse(host.name());
    }

    @Override
    public Result exec(Host host, Command command, OutputSink sink) {
        Instant start = Instant.now();
        String agent = agentName(host);
        AgentLink hub;
        try {
            hub = link.get();
        } catch (RuntimeException e) {
            return Result.problem(host, Outcome.UNREACHABLE, e.getMessage(), start, NAME);
        }
        if (!hub.connected(agent)) return notConnected(host, agent, start);
        Optional<String> noSudo = command.sudo() ? Become.unsupported(host) : Optional.empty();
        if (noSudo.isPresent()) return Result.problem(host, Outcome.ERROR, noSudo.get(), start, NAME);
        StreamCollector out = new StreamCollector(host, false, command.outputCap(), sink);
        StreamCollector err = new StreamCollector(host, true, command.outputCap(), sink);
        long timeout = command.timeout().toMillis();
        Duration deadline = timeout > 0 ? command.timeout().plus(GRACE) : Duration.ofDays(3650);
        String user = command.sudo() ? Become.user(host) : null;
        Hub.Call call = hub.call(agent, id -> new Message.Exec(id, List.of(), ShellLine.of(command), command.env(), null,
                command.sudo(), user, timeout, command.outputCap()),
                o -> (o.stderr() ? err : out).accept(o.data(), 0, o.data().length), deadline);
        Message.Reply reply = await(hub, call);
        out.flushLine();
        err.flushLine();
        if (reply instanceof Message.Exit e) {
            boolean truncated = e.truncated() || out.truncated() || err.truncated();
            if (e.timedOut()) {
                return withOutput(host, Outcome.TIMED_OUT, out, err, truncated, start,
                        CutShort.timedOut(command.timeout()));
            }
            if (e.cancelled()) {
                return withOutput(host, Outcome.CANCELLED, out, err, truncated, start, CutShort.CANCELLED);
            }
            Result r = Result.exited(host, e.code(), out.text(), err.text(), truncated, start, NAME);
            return user == null ? r : explainSudo(r, user, agent);
        }
        return problem(host, agent, reply, start);
    }

    /** A sudo the agent could not do, in the words the other transports use. */
    private static Result explainSudo(Result r, String user, String agent) {
        if (r.outcome() != Outcome.FAILED) return r;
        String where = "agent " + agent;
        String message = r.stderr().contains("a password is required")
                ? "sudo on " + where + " needs a password to become '" + user + "', and no password is ever sent to"
                  + " an agent: run the agent as root, give its user a NOPASSWD sudo rule, or use via(\"ssh\")"
                : Become.unknownUser(r.stderr(), user, where).orElse(null);
        if (message == null) return r;
        return new Result(r.host(), r.outcome(), r.exitCode(), r.stdout(), r.stderr(), r.truncated(), r.start(),
                r.duration(), r.transport(), message);
    }

    /**
     * Waits for the final reply. An interrupt (Ctrl-C) asks the agent to cancel the request and ends
     * the wait at once with a cancelled exit; the caller keeps its interrupt.
     */
    static Message.Reply await(AgentLink hub, Hub.Call call) {
        try {
            return call.reply().get();
        } catch (InterruptedException e) {
            hub.cancel(call.agent(), call.id());
            Thread.currentThread().interrupt();
            return new Message.Exit(call.id(), -1, false, true, false, 0);
        } catch (ExecutionException e) {
            return ErrorCode.FAILED.reply(call.id(), "the hub failed: " + e.getCause());
        }
    }

    private static Result withOutput(Host host, Outcome outcome, StreamCollector out, StreamCollector err,
                                     boolean truncated, Instant start, String message) {
        return new Result(host, outcome, -1, out.text(), err.text(), truncated, start,
                Duration.between(start, Instant.now()), NAME, message);
    }

    /** The result for an error reply: not connected and lost agents are unreachable, the rest errors. */
    static Result problem(Host host, String agent, Message.Reply reply, Instant start) {
        if (reply instanceof Message.Exit exit && exit.cancelled()) {
            return Result.problem(host, Outcome.CANCELLED, "cancelled (Ctrl-C); asked the agent to stop", start, NAME);
        }
        if (!(reply instanceof Message.ErrorReply e)) {
            return Result.problem(host, Outcome.ERROR, "unexpected reply " + reply + " from agent " + agent, start, NAME);
        }
        if (e.code().equals(ErrorCode.AGENT_NOT_CONNECTED.wire())) return notConnected(host, agent, start);
        Outcome outcome = e.code().equals(ErrorCode.AGENT_LOST.wire()) ? Outcome.UNREACHABLE
                : e.code().equals(ErrorCode.NO_REPLY.wire()) ? Outcome.TIMED_OUT
                : e.code().equals(ErrorCode.HUB_CLOSED.wire()) ? Outcome.CANCELLED
                : Outcome.ERROR;
        return Result.problem(host, outcome, e.message(), start, NAME);
    }

    static Result notConnected(Host host, String agent, Instant start) {
        return Result.problem(host, Outcome.UNREACHABLE, "agent not connected: " + agent + "; deploy it with "
                + "deployAgent(hosts(\"" + host.name() + "\")) or use SSH: via(\"ssh\"), or downgrade(…)", start, NAME);
    }

    /** Copies a file to the host's agent; a directory others may write to (like /tmp) is refused there. */
    @Override
    public Result upload(Host host, java.nio.file.Path localFile, String remotePath) {
        return upload(host, localFile, remotePath, false);
    }

    /**
     * Copies a file to the host's agent; with {@code intoSharedDirectory} the agent also writes into
     * a directory others may write to (world-writable like /tmp, or another user's), which it
     * otherwise refuses. It never follows a symlink there either way.
     */
    public Result upload(Host host, java.nio.file.Path localFile, String remotePath, boolean intoSharedDirectory) {
        return AgentFiles.upload(link, host, localFile, remotePath, intoSharedDirectory);
    }

    @Override
    public Result download(Host host, String remotePath, java.nio.file.Path localFile) {
        return AgentFiles.download(link, host, remotePath, localFile);
    }

    @Override
    public void close() {
        // the hub belongs to the session, which closes it
    }
}
