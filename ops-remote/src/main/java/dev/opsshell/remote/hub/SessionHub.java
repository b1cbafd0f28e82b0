package dev.opsshell.remote.hub;

import dev.opsshell.core.Session;
import dev.opsshell.core.events.AgentGone;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;

import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import java.util.function.Consumer;

/**
 * The agent link of each session: the hub started inside the shell on first use, closed with the
 * session. Settings, read when the hub starts (system property first, then environment):
 * <ul>
 *   <li>{@code ops.hub.port} / {@code OPS_HUB_PORT}: the port (default 4505; 0 picks a free one),
 *       or {@code off} to start no hub;</li>
 *   <li>{@code ops.hub.dir} / {@code OPS_HUB_DIR}: the key directory (default {@code ~/.ops/hub});</li>
 *   <li>{@code ops.hub.bind} / {@code OPS_HUB_BIND}: the address to bind (default {@code 127.0.0.1}:
 *       only agents on this machine reach it until the operator opens it to others).</li>
 *   <li>{@code ops.hub.max-pending} / {@code OPS_HUB_MAX_PENDING}: unknown keys kept pending at most (default 1000).</li>
 * </ul>
 * When the port is taken by this machine's standalone hub ({@code ops hub}, same key directory),
 * the session becomes its client instead; when something else holds it (often another shell's
 * hub), the hub takes a free port at once and says which. A link set with {@link #use} (from
 * {@code ops exec --hub}) wins.
 */
public final class SessionHub {
    /** Where the shell's own hub listens unless {@code OPS_HUB_BIND} says otherwise: this machine only. */
    public static final String DEFAULT_BIND = "127.0.0.1";
    private static final Map<Session, AgentLink> LINKS = new WeakHashMap<>();

    private SessionHub() {
    }

    /** Reads the hub port setting ({@code OPS_HUB_PORT}, {@code --port}): 0–65535, 0 picks a free port. */
    public static int port(String value) {
        String v = value.strip();
        if (v.matches("\\d{1,5}") && Integer.parseInt(v) <= 65535) return Integer.parseInt(v);
        throw new HubException("the hub port (OPS_HUB_PORT) must be a number from 0 to 65535 (0 picks a free one)"
                + " or 'off', was '" + value + "'; fix or unset it");
    }

    /** Reads the pending-keys limit ({@code OPS_HUB_MAX_PENDING}, {@code --max-pending}): a whole number from 1. */
    public static int maxPending(String value) {
        String v = value.strip();
        if (v.matches("\\d{1,9}") && Integer.parseInt(v) >= 1) return Integer.parseInt(v);
        throw new HubException("the pending-keys limit (OPS_HUB_MAX_PENDING) must be a whole number from 1, was '"
                + value + "'; fix or unset it (the default is " + KeyStore.DEFAULT_MAX_PENDING + ")");
    }

    /** The session's link, starting the in-shell hub if none is set yet; a notice goes to stderr. */
    public static synchronized AgentLink of(Session session) {
        return of(session, System.err::println);
    }

    /**
     * The session's link, starting the in-shell hub if none is set yet. {@code notice} hears one
     * line when the hub could not have the port asked for and took another.
     */
    public static synchronized AgentLink of(Session session, Consumer<String> notice) {
        AgentLink link = LINKS.get(session);
        if (link != null) return link;
        return use(session, start(configured(), HubClient.defaultKeyDir(), notice));
    }

    /** The in-shell hub's settings as the operator gave them (see the class comment). */
    static HubConfig configured() {
        String port = setting("ops.hub.port", "OPS_HUB_PORT", Integer.toString(HubConfig.DEFAULT_PORT));
        if (port.equalsIgnoreCase("off")) {
            throw new HubException("the hub is off (OPS_HUB_PORT=off); start the shell with OPS_HUB_PORT unset (or a port)"
                    + " to use agents, or use SSH: via(\"ssh\")");
        }
        HubConfig config = HubConfig.defaults(port(port))
                .withBindAddress(setting("ops.hub.bind", "OPS_HUB_BIND", DEFAULT_BIND));
        String dir = setting("ops.hub.dir", "OPS_HUB_DIR", null);
        if (dir != null) config = config.withKeyDir(java.nio.file.Path.of(dir));
        String maxPending = setting("ops.hub.max-pending", "OPS_HUB_MAX_PENDING", null);
        return maxPending == null ? config : config.withMaxPending(maxPending(maxPending));
    }

    /**
     * A hub on {@code config}'s port; when that is taken, a client of this machine's standalone hub
     * if it is the one there (connecting with the keys in {@code clientKeyDir}), else a hub on a
     * free port, which {@code notice} is told.
     */
    static AgentLink start(HubConfig config, java.nio.file.Path clientKeyDir, Consumer<String> notice) {
        try {
            return Hub.start(config);
        } catch (HubException busy) {
            if (config.port() == 0 || !portInUse(busy)) throw busy;
            if (HubDaemon.runsOn(config.keyDir(), config.port())) {
                return HubClient.connect("tcp://127.0.0.1:" + config.port(), HubDaemon.publicKey(config.keyDir()),
                        clientKeyDir);
            }
            // another shell's hub, or another program: asking it who it is would cost seconds and
            // leave this shell's key pending in its store; a free port costs nothing
            Hub hub = Hub.start(config.withPort(0));
            notice.accept("hub: port " + config.port() + " is taken (another ops shell?); this shell's hub listens on "
                    + hub.endpoint() + " instead");
            return hub;
        }
    }

    private static boolean portInUse(HubException e) {
        return e.getCause() instanceof ZMQException z && z.getErrorCode() == ZMQ.Error.EADDRINUSE.getCode();
    }

    /** Makes {@code link} the session's way to agents (closing it with the session). */
    public static synchronized AgentLink use(Session session, AgentLink link) {
        AgentLink old = LINKS.put(session, link);
        if (old != null && old != link) old.close();
        if (old != link && link instanceof Hub hub) tellAgentsGone(session, hub);
        session.closeOnExit(() -> forget(session, link));
        return link;
    }

    /** An agent of this hub marked down becomes an {@link AgentGone} on the session's events (notifications). */
    public static void tellAgentsGone(Session session, Hub hub) {
        hub.onAgentDown(a -> session.events().publish(new AgentGone(a.name(), a.address(), a.lastHeartbeat(),
                java.time.Instant.now())));
    }

    /** The session's link if one is running, without starting a hub. */
    public static synchronized Optional<AgentLink> existing(Session session) {
        return Optional.ofNullable(LINKS.get(session));
    }

    private static synchronized void forget(Session session, AgentLink link) {
        LINKS.remove(session, link);
        link.close();
    }

    static String setting(String property, String env, String fallback) {
        String v = System.getProperty(property);
        if (v == null || v.isBlank()) v = System.getenv(env);
        return v == null || v.isBlank() ? fallback : v.strip();
    }
}
