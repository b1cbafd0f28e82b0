package dev.opsshell.shell;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The one JSON document a command prints with {@code --json} ({@code ops systems}, {@code ops
 * history}, {@code ops schedule}): each command builds its maps field by field, so a new field
 * never leaks out unreviewed; this writes them.
 */
public final class JsonDocument {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonDocument() {
    }

    public static String text(Object document) {
        try {
            return MAPPER.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write JSON: " + e.getMessage(), e);
        }
    }
}
