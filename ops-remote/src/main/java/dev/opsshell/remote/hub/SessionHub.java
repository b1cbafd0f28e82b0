package dev.opsshell.remote.hub;

import dev.opsshell.core.Session;

import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;

/**
 * The agent link of each session: the hub started inside the shell on first use, closed with the
 * session. Settings, read when the hub starts (system property first, then environment):
 * <ul>
 *   <li>{@code ops.hub.port} / {@code OPS_HUB_PORT}: the port (default 4505; 0 picks a free one),
 *       or {@code off} to start no hub;</li>
 *   <li>{@code ops.hub.dir} / {@code OPS_HUB_DIR}: the key directory (default {@code ~/.ops/hub});</li>
 *   <li>{@code ops.hub.bind} / {@code OPS_HUB_BIND}: the address to bind (default {@code 0.0.0.0});</li>
 *   <li>{@code ops.hub.max-pending} / {@code OPS_HUB_MAX_PENDING}: unknown keys kept pending at most (default 1000).</li>
 * </ul>
 * When the port is taken by this machine's standalone hub ({@code ops hub}, same key directory),
 * the session becomes its client instead. A link set with {@link #use} (from {@code ops exec --hub}) wins.
 */
public final class SessionHub {
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

    /** The session's link, starting the in-shell hub if none is set yet. */
    public static synchronized AgentLink of(Session session) {
        AgentLink link = LINKS.get(session);
        if (link != null) return link;
        String port = setting("ops.hub.port", "OPS_HUB_PORT", Integer.toString(HubConfig.DEFAULT_PORT));
        if (port.equalsIgnoreCase("off")) {
            throw new HubException("the hub is off (OPS_HUB_PORT=off); start it with hub(PORT) or use SSH: via(\"ssh\")");
        }
        HubConfig config = HubConfig.defaults(port(port))
                .withBindAddress(setting("ops.hub.bind", "OPS_HUB_BIND", "0.0.0.0"));
        String dir = setting("ops.hub.dir", "OPS_HUB_DIR", null);
        if (dir != null) config = config.withKeyDir(java.nio.file.Path.of(dir));
        String maxPending = setting("ops.hub.max-pending", "OPS_HUB_MAX_PENDING", null);
        if (maxPending != null) config = config.withMaxPending(maxPending(maxPending));
        try {
            return use(session, Hub.start(config));
        } catch (HubException busy) {
            // the port is taken: when it is this machine's standalone hub (`ops hub`), use it as a client
            try {
                return use(session, HubClient.connect("tcp://127.0.0.1:" + config.port(),
                        HubDaemon.publicKey(config.keyDir()), HubClient.defaultKeyDir()));
            } catch (HubException notOurs) {
                throw busy;
            }
        }
    }

    /** Makes {@code link} the session's way to agents (closing it with the session). */
    public static synchronized AgentLink use(Session session, AgentLink link) {
        AgentLink old = LINKS.put(session, link);
        if (old != null && old != link) old.close();
        session.closeOnExit(() -> forget(session, link));
        return link;
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
