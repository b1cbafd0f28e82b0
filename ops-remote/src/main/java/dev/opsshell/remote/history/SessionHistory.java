package dev.opsshell.remote.history;

import dev.opsshell.core.Session;
import dev.opsshell.core.history.HistorySettings;
import dev.opsshell.core.history.Recorder;
import dev.opsshell.remote.fleet.SessionStore;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Records a session's runs in its store ({@link SessionStore}, opened by the recorder's own thread
 * when the first run finishes, never at start-up). Installed by the shell for every way in (the
 * prompt, scripts, {@code ops -e}, {@code ops exec}); {@code OPS_HISTORY=off} or {@code history=off}
 * in {@code ~/.ops/config} turns it off. The recorder is closed (flushed) with the session, before
 * the store.
 */
public final class SessionHistory {
    private static volatile Consumer<String> problems = System.err::println;
    private static final Map<Session, Recorder> RECORDERS = new ConcurrentHashMap<>();

    private SessionHistory() {
    }

    /** Where a store that fails is reported (once); stderr unless the terminal prints above the prompt. */
    public static void reportTo(Consumer<String> sink) {
        problems = sink;
    }

    /** Starts recording the session's runs, unless history is turned off; a bad setting is reported and recording stays off. */
    public static void install(Session session) {
        EverydayRecipes.register(); // a rerun at the prompt or from ops history builds these too
        HistorySettings settings;
        try {
            settings = HistorySettings.configured();
        } catch (IllegalArgumentException e) {
            problems.accept("history: " + e.getMessage() + "; runs are not recorded");
            return;
        }
        if (!settings.record()) return;
        Recorder recorder = Recorder.attach(session.events(), () -> SessionStore.of(session).history(),
                message -> problems.accept(message), settings);
        RECORDERS.put(session, recorder);
        session.closeOnExit(() -> {       // flushed first, then the store closes (registered after)
            RECORDERS.remove(session);
            recorder.close();
        });
        SessionStore.attach(session);
    }

    /**
     * Waits (at most a few seconds) until the runs this session finished so far are written, so
     * {@code history()} typed right after a run shows it.
     */
    public static void flush(Session session) {
        Recorder r = RECORDERS.get(session);
        if (r == null) return;
        try {
            r.flush(java.time.Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Opens the session's store now, in the background (one-liners, scripts, {@code ops exec}): by
     * the time the run finishes it is open, and the process's exit waits only for the write.
     */
    public static void openStoreSoon(Session session) {
        Recorder r = RECORDERS.get(session);
        if (r != null) r.openSoon();
    }
}
