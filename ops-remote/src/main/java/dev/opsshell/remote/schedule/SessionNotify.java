package dev.opsshell.remote.schedule;

import dev.opsshell.core.Session;
import dev.opsshell.core.config.OpsConfig;
import dev.opsshell.core.notify.Notifications;
import dev.opsshell.core.notify.NotifySettings;

import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.Consumer;

/**
 * A session's notifications, watching its events from the start: the {@code notify.*} keys of
 * {@code ~/.ops/config}, changed at the prompt with {@code notifySetting}. A config with a wrong
 * value is said once and the defaults are used, so a typo never stops the shell.
 */
public final class SessionNotify {
    private static final Map<Session, Notifications> ALL = new WeakHashMap<>();

    private SessionNotify() {
    }

    /**
     * Starts the session's notifications (replacing any it had); lines (log notices, notifier
     * failures) go to {@code log}; {@code logByDefault}: whether {@code notify.log=auto} means on (ops hub).
     */
    public static synchronized Notifications install(Session session, Consumer<String> log, boolean logByDefault) {
        Notifications old = ALL.remove(session);
        if (old != null) old.close();
        NotifySettings settings;
        try {
            settings = NotifySettings.fromConfig(OpsConfig.load());
        } catch (IllegalArgumentException e) {
            log.accept("notify: " + e.getMessage() + "; notifications use their defaults until it is fixed");
            settings = NotifySettings.defaults();
        }
        Notifications n = new Notifications(settings, log, System.getenv(), logByDefault).watch(session.events());
        session.closeOnExit(n);
        ALL.put(session, n);
        return n;
    }

    /** The session's notifications, installed (stderr for lines) if not yet. */
    public static synchronized Notifications of(Session session) {
        Notifications n = ALL.get(session);
        return n != null ? n : install(session, System.err::println, false);
    }
}
