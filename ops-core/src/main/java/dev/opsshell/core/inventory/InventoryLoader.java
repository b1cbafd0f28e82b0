package dev.opsshell.core.inventory;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds and reads the inventory. {@link #resolve(String)} takes the path from the command-line flag,
 * else the {@code OPS_INVENTORY} environment variable, else the first of {@code ~/.ops/inventory}
 * (a file or a directory), {@code ~/.ops/inventory.ini}, {@code ~/.ops/inventory.yml},
 * {@code ~/.ops/inventory.yaml}; with none it is {@link Inventory#localOnly()}. A path named by the
 * flag or the variable must exist.
 * <pre>{@code
 * Inventory inv = InventoryLoader.load(Path.of("hosts.ini"));
 * inv.select("web:!web03");
 * }</pre>
 * {@link #load(Path)} reads YAML for {@code .yml}/{@code .yaml} files or when the content starts
 * with {@code ---} or a bare {@code key:} line such as {@code all:}; INI otherwise.
 */
public final class InventoryLoader {
    /** The environment variable naming the inventory file when no flag is given. */
    public static final String ENV = "OPS_INVENTORY";
    static final List<String> DEFAULT_NAMES = List.of("inventory", "inventory.ini", "inventory.yml", "inventory.yaml");
    private static final List<String> IGNORED_SUFFIXES =
            List.of("~", ".md", ".txt", ".cfg", ".bak", ".orig", ".retry", ".swp", ".pyc", ".pyo", ".rpm");
    private static final Pattern YAML_START = Pattern.compile("^(---.*|[A-Za-z0-9_.-]+:\\s*(#.*)?)$");

    private InventoryLoader() {
    }

    /** The inventory from the flag's path (may be null), the environment, {@code ~/.ops}, or localhost only. */
    public static Inventory resolve(String flagPath) {
        return resolve(flagPath, System.getenv(), Path.of(System.getProperty("user.home")));
    }

    /** Which file {@link #resolve(String)} would read now, or empty when it would use localhost only. */
    public static Optional<Path> locate(String flagPath) {
        return locate(flagPath, System.getenv(), Path.of(System.getProperty("user.home")));
    }

    static Inventory resolve(String flagPath, Map<String, String> env, Path home) {
        return locate(flagPath, env, home).map(InventoryLoader::load).orElseGet(Inventory::localOnly);
    }

    /** Which file {@link #resolve(String)} would read, or empty when it would use localhost only. */
    static Optional<Path> locate(String flagPath, Map<String, String> env, Path home) {
        if (flagPath != null && !flagPath.isBlank()) return Optional.of(named(flagPath, home, "--inventory"));
        String fromEnv = env.get(ENV);
        if (fromEnv != null && !fromEnv.isBlank()) return Optional.of(named(fromEnv, home, ENV));
        Path dir = home.resolve(".ops");
        return DEFAULT_NAMES.stream().map(dir::resolve).filter(Files::exists).findFirst();
    }

    private static Path named(String text, Path home, String from) {
        String t = text.strip();
        Path p = t.equals("~") ? home : t.startsWith("~/") ? home.resolve(t.substring(2)) : Path.of(t);
        if (!Files.exists(p)) {
            throw new InventoryException("inventory file " + p + " (from " + from + ") does not exist;"
                    + " check the path, or leave " + from + " unset to use ~/.ops/inventory");
        }
        return p;
    }

    /**
     * Reads an inventory file, choosing INI or YAML by its name and first line, then the
     * {@code group_vars/} and {@code host_vars/} directories beside it, as Ansible does. A directory
     * is read as Ansible reads one: every inventory file in it, in name order, into one inventory
     * (skipping hidden files and {@code .md .txt .cfg .bak .orig .retry .swp ~} files), then its
     * {@code group_vars/} and {@code host_vars/}.
     */
    public static Inventory load(Path file) {
        if (!Files.exists(file)) {
            throw new InventoryException("inventory file " + file + " does not exist; check the path");
        }
        InventoryBuilder builder = new InventoryBuilder(file);
        Path base;
        if (Files.isDirectory(file)) {
            List<Path> files = inventoryFiles(file);
            if (files.isEmpty()) {
                throw new InventoryException("inventory directory " + file + " holds no inventory file;"
                        + " put an INI or YAML inventory in it");
            }
            for (Path f : files) {
                builder.reading(f);
                read(builder, f, text(f));
            }
            base = file.toAbsolutePath();
        } else {
            read(builder, file, text(file));
            base = file.toAbsolutePath().getParent();
        }
        VarsDirectories.apply(builder, base);
        return builder.build(file.toString());
    }

    private static List<Path> inventoryFiles(Path dir) {
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(Files::isRegularFile).filter(p -> {
                String n = p.getFileName().toString();
                return !n.startsWith(".") && IGNORED_SUFFIXES.stream().noneMatch(n::endsWith);
            }).sorted().toList();
        } catch (IOException e) {
            throw new InventoryException("cannot list inventory directory " + dir + ": " + e.getMessage());
        }
    }

    private static String text(Path file) {
        try {
            return Files.readString(file);
        } catch (CharacterCodingException e) {
            throw new InventoryException("inventory file " + file + " is not UTF-8 text");
        } catch (IOException e) {
            throw new InventoryException("cannot read inventory file " + file + ": " + e.getMessage());
        }
    }

    /**
     * Parses inventory text as if read from {@code file} (whose name chooses the format); unlike
     * {@link #load(Path)} it reads no {@code group_vars/} or {@code host_vars/} beside it.
     */
    public static Inventory parse(Path file, String text) {
        InventoryBuilder builder = new InventoryBuilder(file);
        read(builder, file, text);
        return builder.build(file.toString());
    }

    private static void read(InventoryBuilder builder, Path file, String text) {
        if (isYaml(file, text)) YamlInventoryParser.read(builder, text);
        else IniInventoryParser.read(builder, text);
    }

    static boolean isYaml(Path file, String text) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase();
        if (name.endsWith(".yml") || name.endsWith(".yaml")) return true;
        for (String line : text.replace("\r", "").split("\n")) {
            String l = line.strip();
            if (l.startsWith("\uFEFF")) l = l.substring(1);
            if (l.isEmpty() || l.startsWith("#") || l.startsWith(";")) continue;
            return YAML_START.matcher(l).matches();
        }
        return false;
    }
}
