package dev.opsshell.core.result;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Renders results as JSON Lines: one object per host, for {@code jq} and other tools. */
public final class JsonFormat {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonFormat() {
    }

    public static String lines(Results results) {
        StringBuilder s = new StringBuilder();
        for (Result r : results) s.append(line(r)).append('\n');
        return s.toString();
    }

    public static String line(Result r) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("host", r.host().name());
        o.put("address", r.host().address());
        o.put("outcome", r.outcome().name().toLowerCase());
        o.put("ok", r.ok());
        o.put("exit", r.exitCode());
        o.put("stdout", r.stdout());
        o.put("stderr", r.stderr());
        o.put("truncated", r.truncated());
        o.put("start", r.start().toString());
        o.put("duration_ms", r.duration().toMillis());
        o.put("transport", r.transport());
        if (!r.message().isEmpty()) o.put("message", r.message());
        try {
            return MAPPER.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write JSON for " + r.host().name(), e);
        }
    }
}
