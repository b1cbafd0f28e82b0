package dev.opsshell.core.notify;

import dev.opsshell.core.events.AgentGone;
import dev.opsshell.core.events.Events;
import dev.opsshell.core.events.RunFinished;
import dev.opsshell.core.events.SamplesTaken;
import dev.opsshell.core.schedule.ScheduleFinished;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Tells people what happened in a session or hub: watches its {@link Events} (runs finished,
 * schedules' runs, samples crossing thresholds, agents gone), turns them into {@link Notice}s by
 * the settings, and hands each to every configured notifier on threads of its own, each bounded by
 * {@code notify.timeout}. A notifier that fails or does not finish in time is itself reported (a
 * line to {@code log}, and kept for {@link #problems()}); it never blocks or fails the run.
 */
public final class Notifications implements AutoCloseable {
    private static final int PROBLEMS_KEPT = 50;
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "ops-notify");
        t.setDaemon(true);
        return t;
    });
    private final Consumer<String> log;
    private final Map<String, String> env;
    private final List<AutoCloseable> subscriptions = new ArrayList<>();
    private final Deque<String> problems = new ArrayDeque<>();
    private final java.util.Set<CompletableFuture<Void>> inflight = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final NoticeRules rules;
    private final Thresholds thresholds;
    private volatile NotifySettings settings;
    private volatile List<Notifier> notifiers;
    private volatile String desktopNote = "";
    private final boolean logByDefault;

    /**
     * @param log where log-notifier lines and notifier failures go (the shell's stderr, the hub's log)
     * @param env the environment: PATH (for notify-send) and the SMTP password's variable
     */
    public Notifications(NotifySettings settings, Consumer<String> log, Map<String, String> env) {
        this(settings, log, env, false);
    }

    /** @param logByDefault whether {@code notify.log=auto} means on (in {@code ops hub}) */
    public Notifications(NotifySettings settings, Consumer<String> log, Map<String, String> env, boolean logByDefault) {
        this.logByDefault = logByDefault;
        this.log = log;
        this.env = Map.copyOf(env);
        this.rules = new NoticeRules(() -> this.settings);
        this.thresholds = new Thresholds(() -> this.settings);
        settings(settings);
    }

    /** Watches {@code events} until closed. */
    public Notifications watch(Events events) {
        subscriptions.add(events.subscribe(RunFinished.class, e -> rules.run(e).ifPresent(this::notify)));
        subscriptions.add(events.subscribe(ScheduleFinished.class, e -> rules.schedule(e).ifPresent(this::notify)));
        subscriptions.add(events.subscribe(AgentGone.class, e -> rules.agent(e).ifPresent(this::notify)));
        subscriptions.add(events.subscribe(SamplesTaken.class, e -> {
            if (this.settings.get("thresholds").equals("on")) thresholds.check(e.samples()).forEach(this::notify);
        }));
        return this;
    }

    /** New settings (checked already); the notifiers are made again from them. */
    public synchronized void settings(NotifySettings s) {
        List<Notifier> list = new ArrayList<>();
        if (s.get("log").equals("on") || (s.get("log").equals("auto") && logByDefault)) list.add(new LogNotifier(log));
        String desktop = s.get("desktop");
        Optional<java.nio.file.Path> notifySend = DesktopNotifier.find(env.get("PATH"));
        desktopNote = desktop.equals("off") ? "off" : notifySend.isPresent() ? "" : "notify-send is not on the PATH"
                + " (Debian: apt-get install libnotify-bin)" + (desktop.equals("on") ? "; notify.desktop=on has nothing to run" : "");
        if (!desktop.equals("off") && notifySend.isPresent()) list.add(new DesktopNotifier(notifySend.get(), s.timeout()));
        if (desktop.equals("on") && notifySend.isEmpty()) log.accept("notify: desktop: " + desktopNote);
        EmailSettings email = s.email();
        if (email != null) list.add(new EmailNotifier(email, s.timeout(), env));
        if (s.webhook() != null) list.add(new WebhookNotifier(s.webhook(), s.timeout()));
        this.settings = s;
        this.notifiers = List.copyOf(list);
    }

    public NotifySettings settings() {
        return settings;
    }

    public List<Notifier> notifiers() {
        return notifiers;
    }

    /**
     * Sends {@code notice} through every notifier, each on its own thread with the timeout; returns
     * at once. The future completes when all have ended (sent, failed or timed out), never exceptionally.
     */
    public CompletableFuture<Void> notify(Notice notice) {
        List<CompletableFuture<Void>> sends = new ArrayList<>();
        long timeout = settings.timeout().toMillis();
        for (Notifier n : notifiers) {
            CompletableFuture<Void> send = CompletableFuture.runAsync(() -> {
                try {
                    n.send(notice);
                } catch (Exception e) {
                    throw new CompletionException(e);
                }
            }, pool).orTimeout(timeout, java.util.concurrent.TimeUnit.MILLISECONDS);
            sends.add(send.handle((ok, e) -> {
                if (e == null) sent.incrementAndGet();
                else report(n, notice, e);
                return null;
            }));
        }
        CompletableFuture<Void> all = CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new));
        inflight.add(all);
        all.whenComplete((v, e) -> inflight.remove(all));
        return all;
    }

    private void report(Notifier n, Notice notice, Throwable e) {
        Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
        String why = timedOut(cause) ? "no answer within " + settings.get("timeout") : why(cause);
        String line = "notify: " + n.name() + " (" + n.target() + ") failed for \"" + notice.title() + "\": "
                + why.lines().findFirst().orElse("") + "; the run was not affected";
        synchronized (problems) {
            problems.addLast(Instant.now() + " " + line);
            while (problems.size() > PROBLEMS_KEPT) problems.removeFirst();
        }
        if (!(n instanceof LogNotifier)) log.accept(line);
        failed.incrementAndGet(); // last: whoever sees the count sees the line and the problem too
    }

    /**
     * What went wrong, in words: the JDK's HTTP client says only {@code ConnectException}, with no
     * message, for a refused port and for a name that does not resolve.
     */
    static String why(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof java.nio.channels.UnresolvedAddressException) return "cannot resolve the host name; check the URL";
        }
        if (cause instanceof java.net.ConnectException && (cause.getMessage() == null || cause.getMessage().isBlank())) {
            return "could not connect (refused, or nothing listens there); check the URL and that the server is up";
        }
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) return t.getMessage();
        }
        return cause.getClass().getSimpleName();
    }

    /**
     * Whether the send ran out of time: ours (the future's timeout) or the notifier's own, which is
     * the same limit (the webhook's request timeout, SMTP's socket timeout) and may fire first.
     */
    static boolean timedOut(Throwable cause) {
        return cause instanceof TimeoutException || cause instanceof java.net.http.HttpTimeoutException
                || cause instanceof java.net.SocketTimeoutException;
    }

    /** The last notifier failures (at most 50), oldest first. */
    public List<String> problems() {
        synchronized (problems) {
            return List.copyOf(problems);
        }
    }

    public long sent() {
        return sent.get();
    }

    public long failed() {
        return failed.get();
    }

    /** With no notifier on, a test or a failure reaches nobody: say how to turn one on. */
    static final String NONE = "none, so nothing is sent; turn one on: notifySetting(\"webhook.url\", \"https://…\"),"
            + " email.host and email.to, or desktop on (notify.* in ~/.ops/config keeps them)";

    /** What {@code notifications()} shows: the notifiers, the settings, counts and the last failures. */
    public String describe() {
        StringBuilder s = new StringBuilder("notifiers: ");
        List<String> names = notifiers.stream().map(n -> n.name() + " (" + n.target() + ")").toList();
        s.append(names.isEmpty() ? NONE : String.join(", ", names)).append('\n');
        if (!desktopNote.isEmpty()) s.append("desktop: ").append(desktopNote).append('\n');
        s.append("sent ").append(sent.get()).append(", failed ").append(failed.get()).append('\n');
        s.append("settings (notify.* in ~/.ops/config, or notifySetting(key, value)):\n").append(settings.describe());
        List<String> p = problems();
        if (!p.isEmpty()) {
            s.append("last failures:\n");
            p.subList(Math.max(0, p.size() - 10), p.size()).forEach(l -> s.append("  ").append(l).append('\n'));
        }
        return s.toString().stripTrailing();
    }

    @Override
    public String toString() {
        return describe();
    }

    /**
     * Stops watching; notices still being sent get their timeout to finish first, so a one-liner
     * or script that ends right after a failed run still tells people.
     */
    @Override
    public void close() {
        try {
            CompletableFuture.allOf(inflight.toArray(CompletableFuture[]::new))
                    .get(settings.timeout().toMillis() + 1000, java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | TimeoutException e) {
            log.accept("notify: notices still being sent at exit were given up: " + e.getMessage());
        }
        for (AutoCloseable c : subscriptions) {
            try {
                c.close();
            } catch (Exception e) {
                log.accept("notify: could not stop watching: " + e.getMessage());
            }
        }
        pool.shutdownNow();
    }
}
