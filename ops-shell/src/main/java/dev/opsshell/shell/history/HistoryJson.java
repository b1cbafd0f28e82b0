package dev.opsshell.shell.history;

import dev.opsshell.core.history.HostRecord;
import dev.opsshell.core.history.RunDetail;
import dev.opsshell.core.history.RunRecord;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code --json} of {@code ops history}: one document per command, an array of runs for the
 * list and one object for {@code show} (the run's fields and {@code "hosts_detail"}); keys in
 * snake_case, times ISO-8601, durations in milliseconds, as the systems commands write them. Built
 * field by field, so a new field never leaks out unreviewed.
 */
final class HistoryJson {
    private HistoryJson() {
    }

    static List<Map<String, Object>> runs(List<RunRecord> runs) {
        return runs.stream().map(HistoryJson::run).toList();
    }

    static Map<String, Object> run(RunRecord r) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("id", r.id());
        o.put("started", r.started().toString());
        o.put("finished", r.finished().toString());
        o.put("duration_ms", r.duration().toMillis());
        o.put("who", r.who());
        o.put("source", r.source().kind().name().toLowerCase(java.util.Locale.ROOT));
        o.put("source_detail", r.source().detail());
        o.put("operation", r.operation());
        o.put("target", r.target());
        o.put("via", r.via().isEmpty() ? null : r.via());
        o.put("transport", r.transport());
        o.put("exit", r.exitCode());
        o.put("hosts", r.hosts());
        o.put("failed", r.failed());
        o.put("rerun", r.recipe() == null ? null : r.recipe().toString());
        return o;
    }

    static Map<String, Object> detail(RunDetail d) {
        Map<String, Object> o = run(d.run());
        o.put("hosts_detail", d.hosts().stream().map(HistoryJson::host).toList());
        return o;
    }

    private static Map<String, Object> host(HostRecord h) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("host", h.host());
        o.put("outcome", h.outcome().name().toLowerCase(java.util.Locale.ROOT));
        o.put("exit", h.exitCode());
        o.put("duration_ms", h.duration().toMillis());
        o.put("transport", h.transport());
        o.put("stdout", h.stdout());
        o.put("stderr", h.stderr());
        o.put("truncated", h.truncated());
        o.put("message", h.message());
        return o;
    }
}
