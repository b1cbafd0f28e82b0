package dev.opsshell.remote;

import dev.opsshell.core.Session;
import dev.opsshell.core.notify.Notice;
import dev.opsshell.core.notify.Notifications;
import dev.opsshell.core.schedule.ActionKinds;
import dev.opsshell.core.schedule.ScheduleNames;
import dev.opsshell.core.schedule.ScheduleStore;
import dev.opsshell.core.schedule.ScheduledWork;
import dev.opsshell.core.schedule.StoredAction;
import dev.opsshell.core.schedule.StoredSchedule;
import dev.opsshell.core.schedule.When;
import dev.opsshell.remote.schedule.ScheduleList;
import dev.opsshell.remote.schedule.SessionNotify;
import dev.opsshell.remote.schedule.SessionSchedules;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Schedules and notifications at the prompt, preloaded by {@code import static dev.opsshell.remote.ScheduleOps.*}:
 * <pre>{@code
 * every(Duration.ofMinutes(5), "disk", () -> hosts("web").exec("df -h /"));      // this shell's, while it runs
 * cron("0 3 * * *", "nightly", runScript("nightly.jsh"));                           // kept in the store, run by ops hub
 * schedules();  stopSchedule("disk");  notifications();  notifySetting("webhook.url", "https://…");
 * }</pre>
 * A lambda lives in this shell's session; a stored action ({@link #runOn}, {@link #runScript},
 * {@link #action}) is kept in the store and run by {@code ops hub}. Registering a name again replaces it.
 */
public final class ScheduleOps {
    private ScheduleOps() {
    }

    // ---- in this session (lambdas)

    public static ScheduleList every(Duration period, String name, ScheduledWork action) {
        return inSession(name, When.every(period), action);
    }

    public static ScheduleList every(Duration period, String name, Runnable action) {
        return inSession(name, When.every(period), asWork(action));
    }

    public static ScheduleList cron(String expression, String name, ScheduledWork action) {
        return inSession(name, When.cron(expression), action);
    }

    public static ScheduleList cron(String expression, String name, Runnable action) {
        return inSession(name, When.cron(expression), asWork(action));
    }

    // ---- kept in the store, run by ops hub

    public static ScheduleList every(Duration period, String name, StoredAction action) {
        return stored(name, When.every(period), action);
    }

    public static ScheduleList cron(String expression, String name, StoredAction action) {
        return stored(name, When.cron(expression), action);
    }

    /** A stored action: {@code hosts(pattern).exec(commandLine)} on the hub's inventory. */
    public static StoredAction runOn(String pattern, String commandLine) {
        return ActionKinds.check(StoredAction.of("command", pattern, commandLine));
    }

    /** A stored action: a .jsh script run by the hub (its path made absolute here; it must exist on the hub's machine). */
    public static StoredAction runScript(String file, String... args) {
        List<String> all = new ArrayList<>();
        all.add(Path.of(file).toAbsolutePath().normalize().toString());
        all.addAll(List.of(args));
        return ActionKinds.check(new StoredAction("script", all));
    }

    /** A stored action of any kind the hub knows, e.g. {@code action("sample", "web", "cpu", "load")}. */
    public static StoredAction action(String kind, String... args) {
        return ActionKinds.check(StoredAction.of(kind, args));
    }

    // ---- all of them

    /** This shell's schedules and the store's, with last run, next run, last outcome, runs and skips. */
    public static ScheduleList schedules() {
        return SessionSchedules.list(Session.current(), true);
    }

    /** Stops the schedule of that name (this shell's, else the store's); says when there is none. */
    public static ScheduleList stopSchedule(String name) {
        Session session = Session.current();
        boolean stopped = SessionSchedules.scheduler(session).stop(name) || SessionSchedules.stored(session).remove(name);
        if (!stopped) {
            List<String> names = SessionSchedules.list(session, true).stream().map(s -> s.name()).toList();
            throw new IllegalArgumentException("no schedule named '" + name + "'" + (names.isEmpty() ? "; there are none"
                    : "; there are: " + String.join(", ", names)));
        }
        return SessionSchedules.list(session, true);
    }

    /**
     * Stops every schedule of this shell. The store's schedules run by {@code ops hub} for everyone on
     * the store stay (a team's, often): {@link #stopStoredSchedules()} removes those, by name.
     */
    public static ScheduleList stopSchedules() {
        Session session = Session.current();
        SessionSchedules.scheduler(session).stopAll();
        return SessionSchedules.list(session, true);
    }

    /** Removes every schedule kept in the store (the ones {@code ops hub} runs for everyone using it). */
    public static ScheduleList stopStoredSchedules() {
        Session session = Session.current();
        SessionSchedules.stored(session).removeAll();
        return SessionSchedules.list(session, true);
    }

    // ---- notifications

    /** The notifiers, their settings, how many notices were sent and the last notifier failures. */
    public static Notifications notifications() {
        return SessionNotify.of(Session.current());
    }

    /** Sets a {@code notify.*} setting for this session ({@code "webhook.url"}, {@code "email.to"}, {@code "runs"}…). */
    public static Notifications notifySetting(String key, String value) {
        Notifications n = SessionNotify.of(Session.current());
        n.settings(n.settings().with(key, value));
        return n;
    }

    /** Sends a test notice through every notifier and waits for them (at most the timeout); shows how each did. */
    public static Notifications notifyTest() {
        Notifications n = SessionNotify.of(Session.current());
        // every send ends by its own timeout, failures are reported by notifications(): waiting is enough
        n.notify(new Notice("test", "ops: a test notice", "If you read this, ops can reach you this way.", Map.of(),
                Instant.now())).completeOnTimeout(null, n.settings().timeout().toMillis() + 1000, TimeUnit.MILLISECONDS).join();
        return n;
    }

    private static ScheduledWork asWork(Runnable action) {
        return () -> {
            action.run();
            return null;
        };
    }

    private static ScheduleList inSession(String name, When when, ScheduledWork action) {
        Session session = Session.current();
        SessionSchedules.scheduler(session).add(name, when, "lambda (this shell)", action);
        return new ScheduleList(SessionSchedules.scheduler(session).list().stream().filter(s -> s.name().equals(name)).toList(), "");
    }

    private static ScheduleList stored(String name, When when, StoredAction action) {
        ScheduleNames.check(name);
        ActionKinds.check(action);
        Session session = Session.current();
        SessionSchedules.scheduler(session).stop(name); // a name is one schedule, wherever it was
        ScheduleStore store = SessionSchedules.stored(session);
        Instant now = Instant.now();
        StoredSchedule s = store.put(name, when, action, when.next(now));
        String note = SessionSchedules.noHubNote(store, now);
        if (action.kind().equals("script") && !Files.isRegularFile(Path.of(action.args().get(0)))) {
            note = (note.isEmpty() ? "" : note + "\n") + "no file " + action.args().get(0) + " here: the hub's machine must have it";
        }
        return new ScheduleList(List.of(s.state(now)), note);
    }
}
