package dev.opsshell.agent.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Turns {@link Message}s into frames and back: one UTF-8 JSON object per frame, byte arrays as
 * base64. JSON because the message rate is bounded by CURVE and by the processes the agent starts,
 * not by parsing; because it can be read in a packet dump; and because unknown fields are ignored,
 * so a newer hub and an older agent still understand each other. Thread-safe.
 */
public final class Codec {
    private static final ObjectMapper JSON = new ObjectMapper()
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, false);

    private Codec() {
    }

    public static byte[] encode(Message message) {
        try {
            return JSON.writerFor(Message.class).writeValueAsBytes(message);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot encode " + message.getClass().getSimpleName(), e);
        }
    }

    /** Decodes one frame; a frame that is not a known message raises an exception carrying its id. */
    public static Message decode(byte[] frame) throws ProtocolException {
        // straight into the record, without a tree in between (a hub takes 200 metrics replies a
        // round); a frame that does not decode is parsed again as a tree, for its id and a clear error
        Message message;
        try {
            message = JSON.readValue(frame, Message.class);
        } catch (IOException | IllegalArgumentException e) {
            message = null;
        }
        return message != null ? message : explain(frame);
    }

    private static Message explain(byte[] frame) throws ProtocolException {
        JsonNode tree;
        try {
            tree = JSON.readTree(frame);
        } catch (IOException e) {
            throw new ProtocolException(-1, ErrorCode.MALFORMED, "not JSON: " + firstLine(e.getMessage()), e);
        }
        if (tree == null || !tree.isObject()) {
            throw new ProtocolException(-1, ErrorCode.MALFORMED, "not a JSON object", null);
        }
        long id = tree.path("id").canConvertToLong() ? tree.path("id").asLong(-1) : -1;
        try {
            return JSON.treeToValue(tree, Message.class);
        } catch (InvalidTypeIdException e) {
            throw new ProtocolException(id, ErrorCode.UNKNOWN_TYPE,
                    "unknown message type '" + tree.path("t").asText() + "'", e);
        } catch (IOException | IllegalArgumentException e) {
            throw new ProtocolException(id, ErrorCode.MALFORMED, "bad message: " + firstLine(e.getMessage()), e);
        }
    }

    private static String firstLine(String s) {
        if (s == null) return "";
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
