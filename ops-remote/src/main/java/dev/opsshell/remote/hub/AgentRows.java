package dev.opsshell.remote.hub;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Converts {@link AgentInfo} to and from the plain maps an {@code agent-list} message carries. */
final class AgentRows {
    private AgentRows() {
    }

    static Map<String, Object> row(AgentInfo a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", a.name());
        m.put("state", a.state());
        m.put("key", a.key());
        if (a.address() != null) m.put("address", a.address());
        if (a.since() != null) m.put("since", a.since().toString());
        if (a.lastHeartbeat() != null) m.put("lastHeartbeat", a.lastHeartbeat().toString());
        if (a.version() != null) m.put("version", a.version());
        m.put("facts", a.facts());
        return m;
    }

    @SuppressWarnings("unchecked")
    static AgentInfo info(Map<String, Object> m) {
        return new AgentInfo((String) m.get("name"), (String) m.get("state"), (String) m.get("key"),
                (String) m.get("address"), instant(m.get("since")), instant(m.get("lastHeartbeat")),
                (String) m.get("version"), (Map<String, String>) m.getOrDefault("facts", Map.of()));
    }

    private static Instant instant(Object o) {
        return o == null ? null : Instant.parse(o.toString());
    }
}
