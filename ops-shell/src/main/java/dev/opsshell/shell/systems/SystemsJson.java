package dev.opsshell.shell.systems;

import dev.opsshell.core.fleet.ConvergePlan;
import dev.opsshell.core.fleet.JobResults;
import dev.opsshell.core.job.JobRecord;
import dev.opsshell.core.job.JobStats;
import dev.opsshell.core.system.Machine;
import dev.opsshell.core.system.Type;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code --json} of the systems commands: one JSON document per command (an array of
 * systems, types, jobs or stats rows; an object for a batch of jobs or a converge plan), keys in
 * snake_case as {@code ops exec --json} writes them, times as ISO-8601, durations in milliseconds.
 * Built field by field rather than from the records, so a new field never leaks out unreviewed.
 */
final class SystemsJson {
    private SystemsJson() {
    }

    static Map<String, Object> machine(Machine m) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("id", m.id());
        o.put("hostname", m.hostname());
        o.put("fqdn", m.fqdn());
        o.put("ip", m.ip());
        o.put("type", m.type());
        o.put("os", m.os());
        o.put("user", m.user());
        o.put("cpu", m.cpu());
        o.put("ram_mb", m.ramMb());
        o.put("volumes", m.volumes().stream().map(SystemsJson::volume).toList());
        o.put("tags", m.tags().stream().sorted().toList());
        o.put("state", m.state().word());
        o.put("driver", m.driver().kind());
        o.put("driver_settings", new java.util.TreeMap<>(m.driver().settings()));
        o.put("ref", m.ref());
        o.put("error", m.error());
        o.put("created", time(m.created()));
        return o;
    }

    static List<Map<String, Object>> machines(List<Machine> machines) {
        return machines.stream().map(SystemsJson::machine).toList();
    }

    static Map<String, Object> job(JobRecord j) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("id", j.id());
        o.put("batch", j.batch());
        o.put("kind", j.kind().word());
        o.put("system", j.systemId());
        o.put("status", j.status().word());
        o.put("driver", j.driver());
        o.put("args", new java.util.TreeMap<>(j.args()));
        o.put("owner", j.owner());
        o.put("created", time(j.created()));
        o.put("started", time(j.started()));
        o.put("finished", time(j.finished()));
        o.put("duration_ms", j.started() == null || j.finished() == null ? null
                : Duration.between(j.started(), j.finished()).toMillis());
        o.put("error", j.error());
        return o;
    }

    static List<Map<String, Object>> jobs(List<JobRecord> jobs) {
        return jobs.stream().map(SystemsJson::job).toList();
    }

    /** A batch's end: the jobs, how many succeeded and failed, and the exit code it gives. */
    static Map<String, Object> results(JobResults r) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("batch", r.batch());
        o.put("ok", r.succeeded().size());
        o.put("failed", r.failed().size());
        o.put("exit", r.exitCode());
        o.put("jobs", jobs(r.jobs()));
        return o;
    }

    static Map<String, Object> type(Type t) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("name", t.name());
        o.put("description", t.description());
        o.put("plan", t.plan().stream().map(s -> s.describe()).toList());
        o.put("user", t.user());
        o.put("key_file", t.keyPath()); // a path, never the key
        return o;
    }

    static List<Map<String, Object>> stats(JobStats stats) {
        return stats.rows().stream().map(r -> {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("kind", r.kind().word());
            o.put("driver", r.driver());
            o.put("count", r.count());
            o.put("succeeded", r.succeeded());
            o.put("success_rate", r.successRate());
            o.put("median_ms", r.median().toMillis());
            o.put("p95_ms", r.p95().toMillis());
            o.put("common_errors", r.commonErrors());
            return o;
        }).toList();
    }

    static Map<String, Object> plan(ConvergePlan p) {
        Map<String, Object> create = new LinkedHashMap<>();
        p.create().forEach((t, n) -> create.put(t.name(), n));
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("create", create);
        o.put("destroy", machines(p.destroy()));
        o.put("not_counted", machines(p.notCounted()));
        o.put("nothing_to_do", p.nothingToDo());
        return o;
    }

    /** name, then size_gb, in that order every time (Map.of's order changes from run to run). */
    private static Map<String, Object> volume(dev.opsshell.core.system.Volume v) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("name", v.name());
        o.put("size_gb", v.sizeGb());
        return o;
    }

    private static String time(Instant t) {
        return t == null ? null : t.toString();
    }
}
