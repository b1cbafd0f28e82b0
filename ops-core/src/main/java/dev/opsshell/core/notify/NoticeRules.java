package dev.opsshell.core.notify;

import dev.opsshell.core.events.AgentGone;
import dev.opsshell.core.events.RunFinished;
import dev.opsshell.core.history.RunSource;
import dev.opsshell.core.result.Result;
import dev.opsshell.core.result.Results;
import dev.opsshell.core.schedule.ScheduleFinished;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

/** Which events become notices, by the settings ({@code notify.runs}, {@code .schedules}, {@code .agents}), and their words. */
final class NoticeRules {
    private static final int HOSTS_LISTED = 20;
    private final Supplier<NotifySettings> settings;

    NoticeRules(Supplier<NotifySettings> settings) {
        this.settings = settings;
    }

    /** A run from the shell or a script; a schedule's runs are told by their schedule's notice instead. */
    Optional<Notice> run(RunFinished e) {
        String when = settings.get().get("runs");
        Results r = e.results();
        if (when.equals("off") || e.source().kind() == RunSource.Kind.SCHEDULE) return Optional.empty();
        if (when.equals("failures") && r.allOk()) return Optional.empty();
        String title = (r.allOk() ? "ok: " : "failed on " + r.failed().size() + " of " + r.size() + " hosts: ") + r.title();
        StringBuilder body = new StringBuilder(title).append('\n').append(r.summary()).append('\n');
        int n = 0;
        for (Result x : r.failed()) {
            if (n++ == HOSTS_LISTED) {
                body.append("… and ").append(r.failed().size() - HOSTS_LISTED).append(" more\n");
                break;
            }
            body.append(x.host().name()).append(": ").append(x.summary()).append('\n');
        }
        if (!e.source().detail().isEmpty()) body.append("from ").append(e.source().kind().name().toLowerCase()).append(": ")
                .append(e.source().detail()).append('\n');
        Map<String, String> f = new TreeMap<>(Map.of("operation", r.title(), "hosts", Integer.toString(r.size()),
                "failed", Integer.toString(r.failed().size()), "exit", Integer.toString(r.exitCode()),
                "source", e.source().kind().name().toLowerCase()));
        return Optional.of(new Notice("run", title, body.toString(), f, e.finished()));
    }

    Optional<Notice> schedule(ScheduleFinished e) {
        String when = settings.get().get("schedules");
        if (when.equals("off") || (when.equals("failures") && e.outcome().ok())) return Optional.empty();
        String title = "schedule " + e.name() + (e.outcome().ok() ? " ran ok" : " " + e.outcome().text());
        String body = title + "\naction: " + e.action() + " (" + e.where() + ")\nstarted " + e.started() + ", finished " + e.finished();
        return Optional.of(new Notice("schedule", title, body, Map.of("schedule", e.name(), "outcome", e.outcome().text(),
                "where", e.where(), "action", e.action()), e.finished()));
    }

    Optional<Notice> agent(AgentGone e) {
        if (settings.get().get("agents").equals("off")) return Optional.empty();
        String title = "agent " + e.name() + " is gone (no heartbeat" + (e.lastHeartbeat() == null ? ")" : " since " + e.lastHeartbeat() + ")");
        Map<String, String> f = new TreeMap<>(Map.of("agent", e.name()));
        if (e.address() != null) f.put("address", e.address());
        return Optional.of(new Notice("agent", title, title + (e.address() == null ? "" : "\nlast connected from " + e.address()), f, e.at()));
    }
}
