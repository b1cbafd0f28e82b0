package dev.opsshell.shell.schedule;

import dev.opsshell.core.schedule.StoredSchedule;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code ops schedule … --json}: one document per command, snake_case keys, ISO-8601 times. */
final class ScheduleJson {
    private ScheduleJson() {
    }

    static Map<String, Object> schedule(StoredSchedule s, Instant now) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("name", s.name());
        o.put("when", s.when().describe());
        o.put("when_kind", s.when().kind());
        o.put("when_text", s.when().text());
        o.put("action", s.action().describe());
        o.put("action_kind", s.action().kind());
        o.put("action_args", s.action().args());
        o.put("last_run", time(s.lastRun()));
        o.put("next_run", time(s.nextRun()));
        o.put("last_ok", s.lastOutcome() == null ? null : s.lastOutcome().ok());
        o.put("last_outcome", s.lastOutcome() == null ? null : s.lastOutcome().text());
        o.put("runs", s.runs());
        o.put("skipped", s.skipped());
        o.put("running", s.running(now));
        return o;
    }

    private static String time(Instant t) {
        return t == null ? null : t.toString();
    }
}
