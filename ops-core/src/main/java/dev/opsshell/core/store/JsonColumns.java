package dev.opsshell.core.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opsshell.core.system.ProvisionStep;
import dev.opsshell.core.system.Volume;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The columns kept as JSON text: volumes, tags, driver settings, job arguments and a type's plan.
 * A plan step is an object with its kind ({@code script}, {@code upload}, {@code recipe},
 * {@code command}) and that kind's fields, written out here so the stored form never depends on
 * Java class names.
 */
final class JsonColumns {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonColumns() {
    }

    static String volumes(List<Volume> volumes) {
        ArrayNode array = JSON.createArrayNode();
        for (Volume v : volumes) array.addObject().put("name", v.name()).put("sizeGb", v.sizeGb());
        return array.toString();
    }

    static List<Volume> volumes(String text) {
        List<Volume> out = new ArrayList<>();
        for (JsonNode v : tree(text)) out.add(new Volume(v.path("name").asText(), v.path("sizeGb").asInt()));
        return out;
    }

    static String tags(Set<String> tags) {
        return write(new TreeSet<>(tags));
    }

    static Set<String> tags(String text) {
        return read(text, new TypeReference<TreeSet<String>>() { });
    }

    /** A string map (driver settings, job arguments), keys sorted so equal maps are equal text. */
    static String map(Map<String, String> map) {
        return write(new TreeMap<>(map));
    }

    static Map<String, String> map(String text) {
        return read(text, new TypeReference<TreeMap<String, String>>() { });
    }

    static String plan(List<ProvisionStep> plan) {
        ArrayNode array = JSON.createArrayNode();
        for (ProvisionStep step : plan) {
            ObjectNode o = array.addObject();
            // Java 17: no pattern switch over the sealed steps yet
            if (step instanceof ProvisionStep.Script s) o.put("kind", "script").put("path", s.path());
            else if (step instanceof ProvisionStep.Upload u) o.put("kind", "upload").put("local", u.localPath()).put("remote", u.remotePath());
            else if (step instanceof ProvisionStep.Recipe r) o.put("kind", "recipe").put("path", r.path());
            else if (step instanceof ProvisionStep.Command c) o.put("kind", "command").put("line", c.line());
            else throw new StoreException("a plan step of an unknown kind cannot be stored: " + step.describe());
        }
        return array.toString();
    }

    static List<ProvisionStep> plan(String text) {
        List<ProvisionStep> out = new ArrayList<>();
        for (JsonNode o : tree(text)) {
            String kind = o.path("kind").asText();
            out.add(switch (kind) {
                case "script" -> new ProvisionStep.Script(o.path("path").asText());
                case "upload" -> new ProvisionStep.Upload(o.path("local").asText(), o.path("remote").asText());
                case "recipe" -> new ProvisionStep.Recipe(o.path("path").asText());
                case "command" -> new ProvisionStep.Command(o.path("line").asText());
                default -> throw new StoreException("a stored plan step has the unknown kind '" + kind
                        + "' (written by a newer ops?); upgrade ops to read it");
            });
        }
        return out;
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new StoreException("cannot write " + value.getClass().getSimpleName() + " as JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static <T> T read(String text, TypeReference<T> type) {
        try {
            return JSON.readValue(text == null ? "null" : text, type);
        } catch (JsonProcessingException e) {
            throw new StoreException("a stored JSON column cannot be read (" + e.getOriginalMessage() + "): " + text, e);
        }
    }

    private static JsonNode tree(String text) {
        try {
            return text == null ? JSON.createArrayNode() : JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new StoreException("a stored JSON column cannot be read (" + e.getOriginalMessage() + "): " + text, e);
        }
    }
}
