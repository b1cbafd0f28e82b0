package dev.opsshell.core.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL for tests: one private cluster per JVM ({@code scripts/lab/postgres} under
 * {@code target/lab-postgres}, on 127.0.0.1 and {@code -Dops.pg.port}, default 22432), started on
 * first use and stopped when the JVM exits; a cluster left running by a killed run is stopped and
 * replaced. Each caller gets a fresh database of its own. Without PostgreSQL installed the test is
 * skipped with the reason, and fails under {@code CI=true} ({@link Requirements}).
 * <pre>{@code
 * String url = PostgresLab.freshDatabase(getClass());   // jdbc:postgresql://127.0.0.1:22432/…?user=ops&password=…
 * }</pre>
 */
public final class PostgresLab {
    /** The cluster's port; {@code -Dops.pg.port=N} to change (helpers running at once each take their own). */
    public static final int PORT = Integer.getInteger("ops.pg.port", 22432);
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static Cluster cluster;

    /** The running cluster: its directory, port and the superuser's password. */
    public record Cluster(Path dir, int port, String password) {
        /** A JDBC URL for {@code database} with the lab's user and password. */
        public String url(String database) {
            return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=ops&password=" + password;
        }
    }

    private PostgresLab() {
    }

    /** The cluster, started on first call. */
    public static synchronized Cluster cluster() {
        Requirements.require(binaries(), "the PostgreSQL tests need Debian's postgresql: apt-get install -y postgresql"
                + " (./scripts/test does)");
        if (cluster == null) cluster = start();
        return cluster;
    }

    /** A new, empty database named after the test class, and its JDBC URL. */
    public static String freshDatabase(Class<?> owner) {
        Cluster c = cluster();
        String name = (owner.getSimpleName() + "_" + DATABASES.incrementAndGet()).toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9_]", "_");
        try (Connection conn = DriverManager.getConnection(c.url("postgres")); Statement st = conn.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name + " in the lab at 127.0.0.1:" + c.port()
                    + ": " + e.getMessage(), e);
        }
        return c.url(name);
    }

    static boolean binaries() {
        try (var dirs = Files.newDirectoryStream(Path.of("/usr/lib/postgresql"))) {
            for (Path d : dirs) if (Files.isExecutable(d.resolve("bin/pg_ctl"))) return true;
        } catch (IOException e) {
            return false;
        }
        return false;
    }

    private static Cluster start() {
        Path script = findScript();
        Path dir = Path.of("target", "lab-postgres").toAbsolutePath();
        // the script stops a cluster a killed run left in dir before making a fresh one
        run(script, "start", dir.toString(), String.valueOf(PORT));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> run(script, "stop", dir.toString()), "postgres-lab-stop"));
        try {
            return new Cluster(dir, PORT, Files.readString(dir.resolve("password"), StandardCharsets.UTF_8).strip());
        } catch (IOException e) {
            throw new IllegalStateException("the lab's password file is missing in " + dir, e);
        }
    }

    static Path findScript() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path s = p.resolve("scripts/lab/postgres");
            if (Files.isExecutable(s)) return s;
        }
        throw new IllegalStateException("scripts/lab/postgres not found above " + Path.of("").toAbsolutePath());
    }

    static void run(Path script, String... args) {
        List<String> cmd = new ArrayList<>(List.of(script.toString()));
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", cmd) + " failed:\n" + out);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + cmd + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + cmd, e);
        }
    }
}
