package dev.opsshell.remote.hub;

import dev.opsshell.agent.protocol.Codec;
import dev.opsshell.agent.protocol.ErrorCode;
import dev.opsshell.agent.protocol.Message;
import dev.opsshell.agent.protocol.PeerText;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;
import zmq.ZError;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the hub thread does with each message: registers agents (accepted keys) and files unknown
 * keys as pending, answers heartbeats, hands replies to their open request (only from the agent the
 * request went to), relays shell clients' requests, and sends with {@code ROUTER_MANDATORY} so an
 * agent that is gone or a full queue becomes an explicit error, never a silent drop.
 */
final class Routing {
    private final Hub hub;
    private final ZMQ.Socket router;
    private final Map<String, Connection> byRouting;
    private final Map<String, Connection> byName;

    Routing(Hub hub, ZMQ.Socket router, Map<String, Connection> byRouting, Map<String, Connection> byName) {
        this.hub = hub;
        this.router = router;
        this.byRouting = byRouting;
        this.byName = byName;
    }

    void fromPeer(String routing, String key, String address, Message m) {
        Connection c = byRouting.get(routing);
        if (m instanceof Message.Register r) {
            register(routing, key, address, r);
        } else if (c == null) {
            // a key refused a name hears nothing more: it gives up on this connection, and ZAP refuses the next
            if (hub.admission().refused(key)) {
                hub.refused.incrementAndGet();
            } else if (m instanceof Message.Heartbeat hb) {
                send(routing, new Message.HeartbeatAck(hb.seq(), false));
            } else {
                notRegistered(routing, m);
            }
        } else if (m instanceof Message.Heartbeat hb) {
            c.seen();
            c.lastHeartbeat = Instant.now();
            if (c.accepted && !c.client) hub.publish(c.info(AgentInfo.CONNECTED));
            send(routing, new Message.HeartbeatAck(hb.seq(), c.accepted));
        } else if (!c.accepted) {
            hub.refused.incrementAndGet();
        } else if (c.client) {
            c.seen();
            fromClient(c, m);
        } else if (m instanceof Message.Reply reply) {
            c.seen();
            deliver(c, reply);
        } else {
            hub.refused.incrementAndGet();
        }
    }

    /**
     * A request on a connection this hub has no registration for (a shell client whose hub restarted
     * since it registered) is refused with an answer, not dropped, so the client registers again
     * and resends it at once instead of waiting for its deadline.
     */
    private void notRegistered(String routing, Message m) {
        hub.refused.incrementAndGet();
        String why = "this hub does not know the connection (it restarted?); register again and resend";
        if (m instanceof Message.Relay relay && relay.request() != null) {
            send(routing, new Message.Relayed(relay.agent(), ErrorCode.NOT_REGISTERED.reply(relay.request().id(), why)));
        } else if (m instanceof Message.ListAgents list) {
            send(routing, ErrorCode.NOT_REGISTERED.reply(list.id(), why));
        }
    }

    private void register(String routing, String key, String address, Message.Register r) {
        if (key == null) {
            hub.refused.incrementAndGet();
            return;
        }
        Optional<KeyStore.Entry> entry = hub.keys().byKey(key);
        if (entry.isPresent() && entry.get().state() == KeyStore.State.REJECTED) {
            hub.refused.incrementAndGet();
            return;
        }
        if (entry.isPresent() && entry.get().state() == KeyStore.State.ACCEPTED) {
            String name = entry.get().name();
            Connection c = connection(routing, key, name, true, entry.get().isClient(), address, r);
            Connection old = entry.get().isClient() ? null : byName.get(name);
            if (old != null && !old.routing.equals(routing)) {
                byRouting.remove(old.routing);
                failAgent(name, old.routing, "agent " + name + " reconnected (restarted?) while the request was open");
            }
            byRouting.put(routing, c);
            if (!c.client) {
                byName.put(name, c);
                hub.publish(c.info(AgentInfo.CONNECTED));
            }
            send(routing, new Message.Welcome(name, "accepted"));
            return;
        }
        Connection live = r.name() == null ? null : byName.get(r.name());
        Optional<KeyStore.Entry> pending = hub.admission().enrol(r.name(), key, address, live == null ? null : live.key);
        if (pending.isEmpty()) return; // refused, counted and logged: the peer gets nothing
        String name = pending.get().name(); // the name its key is filed under, whatever it asked for now
        Connection c = connection(routing, key, name, false, pending.get().isClient(), address, r);
        byRouting.put(routing, c);
        if (!c.client && !byName.containsKey(name)) hub.publish(c.info(AgentInfo.PENDING));
        send(routing, new Message.Welcome(name, "pending"));
    }

    /** A peer's connection, with what it said about itself cleaned for printing (it may be anyone). */
    private static Connection connection(String routing, String key, String name, boolean accepted, boolean client,
                                         String address, Message.Register r) {
        return new Connection(routing, key, name, accepted, client, PeerText.clean(address, 64), r.heartbeatMillis(),
                PeerText.clean(r.version(), 64), PeerText.clean(r.facts(), 64, 64, 1024));
    }

    private void deliver(Connection c, Message.Reply reply) {
        Pending p = hub.pending.get(reply.id());
        if (p == null || !p.agent.equals(c.name)) {
            hub.late.incrementAndGet();
            return;
        }
        if (reply.isFinal()) hub.pending.remove(reply.id());
        p.listener.accept(reply);
    }

    private void fromClient(Connection client, Message m) {
        if (m instanceof Message.ListAgents l) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (AgentInfo a : hub.agents()) rows.add(AgentRows.row(a));
            send(client.routing, new Message.AgentList(l.id(), rows));
        } else if (m instanceof Message.Relay relay && relay.request() instanceof Message.Cancel cancel) {
            hub.pending.values().stream()
                    .filter(p -> client.routing.equals(p.clientRouting) && p.clientId == cancel.target())
                    .findFirst().ifPresent(p -> hub.cancel(p.agent, p.id));
        } else if (m instanceof Message.Relay relay && relay.request() != null) {
            long clientId = relay.request().id();
            String agent = relay.agent();
            long deadline = System.nanoTime() + Hub.relayDeadlineNanos(relay.request());
            long id = hub.nextId();
            hub.pending.put(id, new Pending(id, agent, deadline,
                    reply -> send(client.routing, new Message.Relayed(agent, reply.withId(clientId))),
                    client.routing, clientId));
            toAgent(new Outgoing(agent, id, Codec.encode(relay.request().withId(id))));
        } else {
            hub.refused.incrementAndGet();
        }
    }

    /** Sends a caller's frame to its agent, or fails its request at once when that cannot be done. */
    void toAgent(Outgoing out) {
        Connection c = byName.get(out.agent());
        if (c == null) {
            hub.fail(out.id(), ErrorCode.AGENT_NOT_CONNECTED, "agent not connected: " + out.agent());
            return;
        }
        Pending p = out.id() >= 0 ? hub.pending.get(out.id()) : null;
        if (p != null) p.routing = c.routing;
        int sent = sendFrame(c.routing, out.frame());
        if (sent == ZError.EHOSTUNREACH) {
            hub.fail(out.id(), ErrorCode.AGENT_NOT_CONNECTED, "agent not connected: " + out.agent()
                    + " (its connection is gone)");
        } else if (sent == ZError.EAGAIN) {
            hub.queueFull.incrementAndGet();
            hub.fail(out.id(), ErrorCode.QUEUE_FULL, "the hub's queue to " + out.agent() + " is full ("
                    + router.getSndHWM() + " messages); retry, or lower forks");
        }
    }

    /** Marks agents that missed their heartbeats down and fails requests past their deadline. */
    void sweep() {
        for (Iterator<Connection> it = byName.values().iterator(); it.hasNext(); ) {
            Connection c = it.next();
            long limit = hub.config().missedBeats() * c.heartbeatMillis + Math.max(1000, c.heartbeatMillis);
            if (c.silentMillis() > limit) {
                it.remove();
                byRouting.remove(c.routing);
                AgentInfo down = c.info(AgentInfo.DOWN);
                hub.publish(down);
                hub.agentDown(down);
                failAgent(c.name, null, "agent " + c.name + " stopped answering (no heartbeat for "
                        + c.silentMillis() + " ms) while the request was open");
            }
        }
        for (Iterator<Connection> it = byRouting.values().iterator(); it.hasNext(); ) {
            Connection c = it.next();
            boolean agent = c.accepted && !c.client;
            if (!agent && c.silentMillis() > hub.config().missedBeats() * c.heartbeatMillis + 1000) {
                it.remove();
                if (!c.accepted && !c.client) hub.unpublish(c.name, AgentInfo.PENDING);
            }
        }
        long now = System.nanoTime();
        for (Pending p : List.copyOf(hub.pending.values())) {
            if (now - p.deadlineNanos > 0 && hub.pending.remove(p.id, p)) {
                p.listener.accept(ErrorCode.NO_REPLY.reply(p.id, "no reply from agent " + p.agent
                        + " within the request's deadline; asked it to cancel"));
                Connection c = byName.get(p.agent);
                if (c != null) sendFrame(c.routing, Codec.encode(new Message.Cancel(-1, p.id)));
            }
        }
    }

    private void failAgent(String agent, String routing, String why) {
        for (Pending p : List.copyOf(hub.pending.values())) {
            if (p.agent.equals(agent) && (routing == null || routing.equals(p.routing))) {
                if (hub.pending.remove(p.id, p)) p.listener.accept(ErrorCode.AGENT_LOST.reply(p.id, why));
            }
        }
    }

    private void send(String routing, Message m) {
        sendFrame(routing, Codec.encode(m));
    }

    /** Sends one frame to a peer without blocking: 0 when sent, else EHOSTUNREACH or EAGAIN. */
    private int sendFrame(String routing, byte[] frame) {
        try {
            if (!router.send(routing.getBytes(StandardCharsets.ISO_8859_1), ZMQ.SNDMORE | ZMQ.DONTWAIT)) {
                return ZError.EAGAIN;
            }
            router.send(frame, ZMQ.DONTWAIT);
            hub.sent.incrementAndGet();
            return 0;
        } catch (ZMQException e) {
            if (e.getErrorCode() == ZError.EHOSTUNREACH) return ZError.EHOSTUNREACH;
            if (e.getErrorCode() == ZError.EAGAIN) return ZError.EAGAIN;
            throw e;
        }
    }
}
