package dev.opsshell.core.store;

import javax.sql.DataSource;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Enumeration;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Whether a store's schema is already at the newest migration this build carries, read without
 * Flyway: its highest applied version against the highest {@code V<n>__*.sql} on the class path.
 * Loading and running Flyway costs a fresh process about half a second of CPU; a one-liner that
 * records its run opens the store at every start, and almost always finds it current. Anything
 * unclear (no history table yet, a failed step, resources not listable) says no, and Flyway decides.
 */
final class SchemaVersion {
    private static final Pattern MIGRATION = Pattern.compile("V(\\d+)__[^/]*\\.sql");

    private SchemaVersion() {
    }

    static boolean current(Dialect dialect, DataSource ds) {
        int carried = newestCarried(dialect);
        return carried > 0 && newestApplied(ds) == carried;
    }

    /**
     * The highest version among this dialect's migration scripts; -1 when they cannot be listed.
     * Read from ops-core's own jar (or classes directory), found by this class's code source: a
     * class loader's resource lookup would open every jar on the class path before it, which the
     * class-data archive otherwise spares a fresh process.
     */
    static int newestCarried(Dialect dialect) {
        String dir = dialect.migrations().substring("classpath:".length());
        try {
            var source = SchemaVersion.class.getProtectionDomain().getCodeSource();
            if (source == null) return -1;
            Path where = Path.of(source.getLocation().toURI());
            if (Files.isDirectory(where)) {
                Path scripts = where.resolve(dir);
                if (!Files.isDirectory(scripts)) return -1;
                try (Stream<Path> files = Files.list(scripts)) {
                    return files.mapToInt(p -> version(p.getFileName().toString())).max().orElse(-1);
                }
            }
            try (JarFile jar = new JarFile(where.toFile())) {
                int max = -1;
                for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
                    String name = e.nextElement().getName();
                    if (name.startsWith(dir + "/")) max = Math.max(max, version(name.substring(dir.length() + 1)));
                }
                return max;
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return -1; // Flyway will find them its own way
        }
    }

    private static int version(String fileName) {
        Matcher m = MIGRATION.matcher(fileName);
        return m.matches() ? Integer.parseInt(m.group(1)) : -1;
    }

    /** The highest version Flyway applied successfully, -1 when none or no history table; -2 when a step failed. */
    static int newestApplied(DataSource ds) {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT version, success FROM flyway_schema_history")) {
            int max = -1;
            while (rs.next()) {
                if (!rs.getBoolean(2)) return -2;
                String v = rs.getString(1);
                if (v != null && v.matches("\\d+")) max = Math.max(max, Integer.parseInt(v));
            }
            return max;
        } catch (SQLException | RuntimeException e) {
            return -1;
        }
    }
}
