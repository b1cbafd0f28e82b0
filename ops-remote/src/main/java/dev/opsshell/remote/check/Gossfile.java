package dev.opsshell.remote.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A goss file (YAML or JSON) read into checks, unchanged from what goss runs: resource types and
 * attribute names as goss spells them, values and matchers with goss's meaning, {@code title},
 * {@code meta} and {@code skip} on every resource, {@code gossfile} includes (relative to the
 * including file). Anything ops does not implement is refused with the file, the line and the key,
 * never skipped: a check that silently did nothing would pass.
 */
public final class Gossfile {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final List<String> COMMON = List.of("title", "meta", "skip");
    private static final Pattern DNS_TYPE = Pattern.compile("^(A|AAAA|CAA|CNAME|MX|NS|PTR|SRV|SSHFP|TXT):.*");

    private final Path file;
    private final YamlLines lines;

    private Gossfile(Path file, YamlLines lines) {
        this.file = file;
        this.lines = lines;
    }

    /** The checks of a goss file and the files it includes, in the order written. */
    public static List<Check> read(Path file) {
        return read(file, new ArrayList<>());
    }

    private static List<Check> read(Path file, List<Path> including) {
        Path abs = file.toAbsolutePath().normalize();
        if (including.contains(abs)) throw new GossfileException(file + ": includes itself through " + including);
        String text;
        try {
            text = Files.readString(abs);
        } catch (IOException e) {
            throw new GossfileException(file + ": cannot read the goss file: " + e.getMessage());
        }
        int template = text.indexOf("{{");
        if (template >= 0) {
            int line = (int) text.substring(0, template).chars().filter(c -> c == '\n').count() + 1;
            throw new GossfileException(file + ":" + line + ": goss templates ({{ … }}) are not supported by ops;"
                    + " render the file first (goss render > rendered.yaml) and check with that");
        }
        JsonNode root;
        YamlLines lines;
        try {
            root = YAML.readTree(text);
            lines = new YamlLines(text);
        } catch (IOException e) {
            throw new GossfileException(file + ": not valid YAML: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (root == null || root.isNull() || root.isMissingNode()) return List.of();
        if (!root.isObject()) throw new GossfileException(file + ":1: a goss file is a map of resource types (file:, package:, …)");
        List<Path> chain = new ArrayList<>(including);
        chain.add(abs);
        return new Gossfile(file, lines).checks(root, chain);
    }

    private List<Check> checks(JsonNode root, List<Path> chain) {
        List<Check> out = new ArrayList<>();
        for (Map.Entry<String, JsonNode> type : iterable(root)) {
            String typeName = type.getKey();
            if (typeName.equals("gossfile")) {
                out.addAll(includes(type.getValue(), chain));
                continue;
            }
            if (Kind.UNSUPPORTED.contains(typeName)) {
                throw error(List.of(typeName), "goss's '" + typeName + "' resource is not supported by ops (supported: "
                        + String.join(", ", Kind.gossNames()) + ", gossfile)");
            }
            Kind kind = Kind.byGossName(typeName).orElseThrow(() -> error(List.of(typeName),
                    "'" + typeName + "' is not a goss resource type (ops runs " + String.join(", ", Kind.gossNames()) + ", gossfile)"));
            if (!type.getValue().isObject()) throw error(List.of(typeName), typeName + ": a map of names to their attributes is expected");
            for (Map.Entry<String, JsonNode> resource : iterable(type.getValue())) {
                out.addAll(resource(kind, resource.getKey(), resource.getValue()));
            }
        }
        return out;
    }

    private List<Check> resource(Kind kind, String key, JsonNode body) {
        List<String> at = List.of(kind.goss(), key);
        if (body == null || body.isNull()) body = YAML.createObjectNode();
        if (!body.isObject()) throw error(at, kind.goss() + " '" + key + "': attributes are a map (exists: true, …)");
        String id = body.hasNonNull(kind.idKey()) ? body.get(kind.idKey()).asText() : key;
        String title = body.hasNonNull("title") ? body.get("title").asText() : "";
        boolean skip = body.path("skip").asBoolean(false);
        Map<String, Object> meta = body.has("meta") ? YAML.convertValue(body.get("meta"), LinkedHashMap.class) : Map.of();
        Map<String, String> options = new HashMap<>();
        Map<String, JsonNode> attributes = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : iterable(body)) {
            String name = e.getKey();
            List<String> here = List.of(kind.goss(), key, name);
            if (COMMON.contains(name) || name.equals(kind.idKey())) continue;
            if (kind.options().contains(name)) {
                JsonNode v = e.getValue();
                options.put(name, v.isArray() ? String.join("\n", values(v)) : v.asText());
            } else if (kind.attributes().containsKey(name)) {
                attributes.put(name, e.getValue());
            } else if (kind.unsupported().contains(name)) {
                throw error(here, "goss's " + kind.goss() + " key '" + name + "' is not supported by ops");
            } else {
                List<String> known = new ArrayList<>(kind.attributes().keySet());
                known.addAll(new java.util.TreeSet<>(kind.options())); // sorted: the same message every run
                known.add(kind.idKey());
                known.addAll(COMMON);
                throw error(here, "'" + name + "' is not a key of goss's " + kind.goss() + " resource (" + kind.goss()
                        + " keys ops reads: " + String.join(", ", known) + ")");
            }
        }
        Subject subject;
        try {
            subject = new Subject(kind, normalise(kind, id), options);
            if (subject.options().containsKey("timeout")) Probes.seconds(subject.option("timeout", ""));
        } catch (IllegalArgumentException e) {
            throw error(at, e.getMessage());
        }
        List<Check> out = new ArrayList<>();
        for (Map.Entry<String, JsonNode> a : attributes.entrySet()) {
            List<String> here = List.of(kind.goss(), key, a.getKey());
            Matcher m = GossMatchers.read(a.getValue(), kind.attributes().get(a.getKey()), msg -> error(here, kind.goss()
                    + " '" + key + "' " + a.getKey() + ": " + msg));
            out.add(new Check(subject, a.getKey(), m, title, skip, meta));
        }
        return out;
    }

    private String normalise(Kind kind, String id) {
        return switch (kind) {
            case PORT -> PortSpec.parse(id).toString();
            case ADDR -> {
                AddrSpec.parse(id);
                yield id;
            }
            case DNS -> {
                if (DNS_TYPE.matcher(id).matches()) {
                    throw new IllegalArgumentException("dns record types (" + id + ") need goss's server: key,"
                            + " which ops does not support: it resolves through the host's own resolver");
                }
                yield id;
            }
            default -> id;
        };
    }

    private List<Check> includes(JsonNode node, List<Path> chain) {
        List<Check> out = new ArrayList<>();
        for (Map.Entry<String, JsonNode> inc : iterable(node)) {
            JsonNode body = inc.getValue() == null || inc.getValue().isNull() ? YAML.createObjectNode() : inc.getValue();
            if (body.path("skip").asBoolean(false)) continue;
            String name = body.hasNonNull("file") ? body.get("file").asText() : inc.getKey();
            if (name.matches(".*[*?\\[].*")) {
                throw error(List.of("gossfile", inc.getKey()), "gossfile globs (" + name + ") are not supported by ops; name each file");
            }
            Path target = file.toAbsolutePath().getParent().resolve(name);
            out.addAll(read(target, chain));
        }
        return out;
    }

    private GossfileException error(List<String> path, String message) {
        int line = lines.line(path);
        return new GossfileException(file + (line > 0 ? ":" + line : "") + ": " + message);
    }

    private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode n) {
        return n::fields;
    }

    private static List<String> values(JsonNode array) {
        List<String> l = new ArrayList<>();
        array.forEach(v -> l.add(v.asText()));
        return l;
    }
}
