package dev.opsshell.core.inventory;

import dev.opsshell.core.inventory.YamlTree.Mapping;
import dev.opsshell.core.inventory.YamlTree.Node;
import dev.opsshell.core.inventory.YamlTree.Scalar;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Ansible's {@code group_vars/} and {@code host_vars/} directories beside an inventory file (or in
 * an inventory directory): for a
 * group or host {@code NAME}, the files {@code NAME}, {@code NAME.yml}, {@code NAME.yaml},
 * {@code NAME.json}, and every such file under a directory {@code NAME/} (in name order), each a
 * YAML mapping of variables. Files encrypted with ansible-vault are skipped with a warning.
 */
final class VarsDirectories {
    private static final List<String> EXTENSIONS = List.of("", ".yml", ".yaml", ".json");
    private static final String VAULT_HEADER = "$ANSIBLE_VAULT";

    private VarsDirectories() {
    }

    /** Reads the vars files in {@code base} for every group and host the builder holds. */
    static void apply(InventoryBuilder builder, Path base) {
        Path groupVars = base.resolve("group_vars");
        Path hostVars = base.resolve("host_vars");
        if (Files.isDirectory(groupVars)) {
            for (String g : builder.groupNames()) {
                for (Path f : files(groupVars, g)) {
                    read(builder, f, (k, v, line) -> builder.groupFileVar(g, k, v, line));
                }
            }
        }
        if (Files.isDirectory(hostVars)) {
            for (String h : builder.hostNames()) {
                for (Path f : files(hostVars, h)) {
                    read(builder, f, (k, v, line) -> builder.hostFileVar(h, k, v, line));
                }
            }
        }
    }

    private interface Sink {
        void put(String key, String value, int line);
    }

    private static List<Path> files(Path dir, String name) {
        if (name.contains("/") || name.contains("\\") || name.startsWith(".")) return List.of();
        List<Path> out = new ArrayList<>();
        for (String ext : EXTENSIONS) {
            Path f = dir.resolve(name + ext);
            if (Files.isRegularFile(f)) out.add(f);
        }
        Path sub = dir.resolve(name);
        if (Files.isDirectory(sub)) {
            try (Stream<Path> walk = Files.walk(sub)) {
                walk.filter(Files::isRegularFile).filter(VarsDirectories::isVarsFile).sorted().forEach(out::add);
            } catch (IOException e) {
                throw new UncheckedIOException("listing " + sub, e);
            }
        }
        return out;
    }

    private static boolean isVarsFile(Path f) {
        String n = f.getFileName().toString();
        if (n.startsWith(".") || n.endsWith("~")) return false;
        int dot = n.lastIndexOf('.');
        return dot < 0 || EXTENSIONS.contains(n.substring(dot));
    }

    private static void read(InventoryBuilder builder, Path file, Sink sink) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new InventoryException("cannot read variables file " + file + ": " + e.getMessage());
        }
        if (text.startsWith(VAULT_HEADER)) {
            builder.warn(file + " is encrypted with ansible-vault; ops does not decrypt vault files,"
                    + " so its variables are not set");
            return;
        }
        builder.reading(file);
        Node root = YamlTree.parse(file, text);
        if (root == null || root instanceof Scalar s && s.text() == null) return;
        if (!(root instanceof Mapping m)) {
            throw builder.error(root.line(), "expected variables as key: value, got " + YamlTree.kind(root));
        }
        m.entries().forEach((k, v) -> sink.put(k, YamlTree.asString(v), m.keyLines().get(k)));
    }
}
