package dev.opsshell.remote.hub;

import dev.opsshell.agent.protocol.Message;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongFunction;

/**
 * A way to reach agents: the {@link Hub} running in this JVM, or a {@link HubClient} connected to a
 * standalone hub ({@code ops hub}). The agent transport and the vocabulary work through this.
 * Implementations are thread-safe and never leave a call without a final reply.
 */
public interface AgentLink extends AutoCloseable {

    /** Sends a request; see {@link Hub#call}. */
    Hub.Call call(String agent, LongFunction<Message.Request> request, Consumer<Message.Output> output,
                  Duration deadline);

    /** Asks the agent to stop request {@code id}. */
    void cancel(String agent, long id);

    /** Connected, down and pending agents, by name. */
    List<AgentInfo> agents();

    /** True when an accepted agent of that name is connected now. */
    boolean connected(String agent);

    /** Where the hub listens, for messages. */
    String endpoint();

    @Override
    void close();
}
