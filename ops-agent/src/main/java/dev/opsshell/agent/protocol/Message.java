package dev.opsshell.agent.protocol;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import java.util.List;
import java.util.Map;

/**
 * Every message the hub, its agents and its clients exchange: one JSON object per ZeroMQ frame,
 * named by its {@code "t"} field. The set is closed: an agent runs only the {@link Request}s listed
 * here and answers anything else with an {@link ErrorReply}. Requests carry an {@code id} chosen by
 * the sender; every reply names the request it answers; {@link Output} chunks may precede the one
 * final reply.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "t")
@JsonSubTypes({
        @JsonSubTypes.Type(value = Message.Register.class, name = "register"),
        @JsonSubTypes.Type(value = Message.Welcome.class, name = "welcome"),
        @JsonSubTypes.Type(value = Message.Heartbeat.class, name = "heartbeat"),
        @JsonSubTypes.Type(value = Message.HeartbeatAck.class, name = "heartbeat-ack"),
        @JsonSubTypes.Type(value = Message.Exec.class, name = "exec"),
        @JsonSubTypes.Type(value = Message.ReadFile.class, name = "read-file"),
        @JsonSubTypes.Type(value = Message.WriteFile.class, name = "write-file"),
        @JsonSubTypes.Type(value = Message.Facts.class, name = "facts"),
        @JsonSubTypes.Type(value = Message.Metrics.class, name = "metrics"),
        @JsonSubTypes.Type(value = Message.Ping.class, name = "ping"),
        @JsonSubTypes.Type(value = Message.Cancel.class, name = "cancel"),
        @JsonSubTypes.Type(value = Message.Output.class, name = "output"),
        @JsonSubTypes.Type(value = Message.Exit.class, name = "exit"),
        @JsonSubTypes.Type(value = Message.FileData.class, name = "file-data"),
        @JsonSubTypes.Type(value = Message.FileWritten.class, name = "file-written"),
        @JsonSubTypes.Type(value = Message.FactsReply.class, name = "facts-reply"),
        @JsonSubTypes.Type(value = Message.MetricsReply.class, name = "metrics-reply"),
        @JsonSubTypes.Type(value = Message.Pong.class, name = "pong"),
        @JsonSubTypes.Type(value = Message.ErrorReply.class, name = "error"),
        @JsonSubTypes.Type(value = Message.Relay.class, name = "relay"),
        @JsonSubTypes.Type(value = Message.Relayed.class, name = "relayed"),
        @JsonSubTypes.Type(value = Message.ListAgents.class, name = "list-agents"),
        @JsonSubTypes.Type(value = Message.AgentList.class, name = "agent-list"),
})
public sealed interface Message {

    /** Something the hub asks an agent to do; {@code id} is unique among the sender's open requests. */
    sealed interface Request extends Message permits Exec, ReadFile, WriteFile, Facts, Metrics, Ping, Cancel {
        long id();

        /** The same request under another id (the hub renumbers requests it relays for clients). */
        Request withId(long newId);
    }

    /** An agent's answer to a request; all but {@link Output} end the request. */
    sealed interface Reply extends Message permits Output, Exit, FileData, FileWritten, FactsReply, MetricsReply,
            Pong, ErrorReply, AgentList {
        long id();

        Reply withId(long newId);

        default boolean isFinal() {
            return !(this instanceof Output);
        }
    }

    // ---- session: agent -> hub, and the hub's answers

    /** The first message on a connection: who the agent says it is, what it runs on, how often it beats. */
    record Register(String name, String version, Map<String, String> facts, long heartbeatMillis) implements Message {
        public Register {
            facts = Map.copyOf(facts == null ? Map.of() : facts);
        }
    }

    /** The hub's answer to {@link Register}: {@code accepted}, or {@code pending} until an operator accepts the key. */
    record Welcome(String name, String status) implements Message { }

    record Heartbeat(long seq) implements Message { }

    /** The hub's answer to a heartbeat; {@code registered=false} asks the agent to register again. */
    record HeartbeatAck(long seq, boolean registered) implements Message { }

    // ---- requests: hub -> agent

    /**
     * Runs a process: {@code argv} as given, or when it is empty {@code shell} through {@code /bin/sh -c}.
     * It starts in {@code cwd}, or in the agent user's home when that is null, as an SSH login would.
     * With {@code sudo} it runs as {@code user} (null: root), through {@code sudo -n -u} unless the
     * agent already is that user. {@code timeoutMillis} 0 means no limit; {@code outputCap} bytes are
     * kept (and sent) per stream.
     */
    record Exec(long id, List<String> argv, String shell, Map<String, String> env, String cwd, boolean sudo,
                String user, long timeoutMillis, long outputCap) implements Request {
        public Exec {
            argv = List.copyOf(argv == null ? List.of() : argv);
            env = Map.copyOf(env == null ? Map.of() : env);
        }

        public static Exec shell(long id, String line, long timeoutMillis, long outputCap) {
            return new Exec(id, List.of(), line, Map.of(), null, false, null, timeoutMillis, outputCap);
        }

        /** The user the process runs as: {@code user} (root when unset) with sudo, else the agent's own. */
        public String runAs(String agentUser) {
            return !sudo ? agentUser : user == null || user.isBlank() ? "root" : user;
        }

        @Override
        public Exec withId(long newId) {
            return new Exec(newId, argv, shell, env, cwd, sudo, user, timeoutMillis, outputCap);
        }
    }

    /** Reads up to {@code length} bytes of a file from {@code offset}. */
    record ReadFile(long id, String path, long offset, int length) implements Request {
        @Override
        public ReadFile withId(long newId) {
            return new ReadFile(newId, path, offset, length);
        }
    }

    /**
     * Writes one chunk of a file. The first chunk (offset 0) creates a temporary file with a random
     * name in the target's directory (never following a symlink); the chunk with {@code last} set
     * renames it over {@code path} (replacing a symlink there, not writing through it), so a reader
     * never sees half a file. {@code mode} is octal, e.g. "644"; without it an existing file's mode
     * is kept (its owner always is) and a new file gets {@code newFileMode} (an upload sends the
     * source's), else the default under the agent's umask. {@code transfer} names one copy (the sender picks it at random),
     * so two copies to the same path never mix their chunks. A directory others may write to
     * (world-writable like /tmp, or owned by another user) is refused unless {@code sharedDirectory}.
     */
    record WriteFile(long id, String path, long offset, byte[] data, boolean last, String mode, String transfer,
                     boolean sharedDirectory, String newFileMode) implements Request {
        /** One chunk of a copy into a directory only root and the agent's user may write to. */
        public WriteFile(long id, String path, long offset, byte[] data, boolean last, String mode) {
            this(id, path, offset, data, last, mode, null, false, null);
        }

        @Override
        public WriteFile withId(long newId) {
            return new WriteFile(newId, path, offset, data, last, mode, transfer, sharedDirectory, newFileMode);
        }
    }

    record Facts(long id) implements Request {
        @Override
        public Facts withId(long newId) {
            return new Facts(newId);
        }
    }

    /**
     * The host's counters and gauges from /proc (see {@code HostFacts.metrics}). {@code pairMillis}
     * above 0 asks for a first reading too, that long before the reply's (at most 5 s), sent as
     * {@link MetricsReply#before()}: a host's first round then has honest rates. An agent before
     * this field ignores it and answers one reading.
     */
    record Metrics(long id, int pairMillis) implements Request {
        public Metrics(long id) {
            this(id, 0);
        }

        @Override
        public Metrics withId(long newId) {
            return new Metrics(newId, pairMillis);
        }
    }

    record Ping(long id, long sentNanos) implements Request {
        @Override
        public Ping withId(long newId) {
            return new Ping(newId, sentNanos);
        }
    }

    /** Stops request {@code target} (its process tree is killed); that request then ends with its own reply. */
    record Cancel(long id, long target) implements Request {
        @Override
        public Cancel withId(long newId) {
            return new Cancel(newId, target);
        }
    }

    // ---- replies: agent -> hub

    record Output(long id, boolean stderr, byte[] data) implements Reply {
        @Override
        public Output withId(long newId) {
            return new Output(newId, stderr, data);
        }
    }

    /** How a process ended: its exit code (-1 when killed), and whether it timed out, was cancelled or cut at the cap. */
    record Exit(long id, int code, boolean timedOut, boolean cancelled, boolean truncated, long millis)
            implements Reply {
        @Override
        public Exit withId(long newId) {
            return new Exit(newId, code, timedOut, cancelled, truncated, millis);
        }
    }

    /** One chunk of a file; {@code mode} is the file's permission bits in octal ("750"), null when unknown. */
    record FileData(long id, byte[] data, long size, boolean eof, String mode) implements Reply {
        @Override
        public FileData withId(long newId) {
            return new FileData(newId, data, size, eof, mode);
        }
    }

    record FileWritten(long id, long bytes) implements Reply {
        @Override
        public FileWritten withId(long newId) {
            return new FileWritten(newId, bytes);
        }
    }

    record FactsReply(long id, Map<String, String> facts) implements Reply {
        public FactsReply {
            facts = Map.copyOf(facts == null ? Map.of() : facts);
        }

        @Override
        public FactsReply withId(long newId) {
            return new FactsReply(newId, facts);
        }
    }

    /** {@code values}: the reading; {@code before}: the earlier one a {@code pairMillis} request asked for, else empty. */
    record MetricsReply(long id, Map<String, Double> values, Map<String, Double> before) implements Reply {
        public MetricsReply {
            values = Map.copyOf(values == null ? Map.of() : values);
            before = Map.copyOf(before == null ? Map.of() : before);
        }

        public MetricsReply(long id, Map<String, Double> values) {
            this(id, values, Map.of());
        }

        @Override
        public MetricsReply withId(long newId) {
            return new MetricsReply(newId, values, before);
        }
    }

    record Pong(long id, long sentNanos) implements Reply {
        @Override
        public Pong withId(long newId) {
            return new Pong(newId, sentNanos);
        }
    }

    /** A request that could not run; {@code code} is one of {@link ErrorCode}'s names, lower-case. */
    record ErrorReply(long id, String code, String message) implements Reply {
        @Override
        public ErrorReply withId(long newId) {
            return new ErrorReply(newId, code, message);
        }
    }

    // ---- client link: shell -> standalone hub

    /** A client's request for one agent, relayed by the hub. */
    record Relay(String agent, Request request) implements Message { }

    /** A reply relayed back to the client, naming the agent it came from. */
    record Relayed(String agent, Reply reply) implements Message { }

    record ListAgents(long id) implements Message { }

    /** The hub's agents, each a map of name, state, key, address, since, lastHeartbeat and facts. */
    record AgentList(long id, List<Map<String, Object>> agents) implements Reply {
        public AgentList {
            agents = List.copyOf(agents == null ? List.of() : agents);
        }

        @Override
        public AgentList withId(long newId) {
            return new AgentList(newId, agents);
        }
    }
}
