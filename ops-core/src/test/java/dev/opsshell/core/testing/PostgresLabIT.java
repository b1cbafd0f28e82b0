package dev.opsshell.core.testing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** scripts/lab/postgres: a cluster a killed run left behind is stopped and replaced by a fresh one; stop stops it. */
class PostgresLabIT {
    @TempDir
    Path tmp;

    @Test
    void aClusterLeftRunningIsReplacedByAFreshOneAndStopStopsIt() throws Exception {
        Requirements.require(PostgresLab.binaries(), "needs Debian's postgresql: apt-get install -y postgresql");
        Path script = PostgresLab.findScript();
        Path dir = tmp.resolve("pg");
        // as root the server runs as the postgres user, which must pass through @TempDir's 0700 folder
        assertTrue(tmp.toFile().setExecutable(true, false));
        int port = freePort();
        PostgresLab.run(script, "start", dir.toString(), String.valueOf(port));
        try {
            String first = Files.readString(dir.resolve("password")).strip();
            try (Connection c = connect(port, first)) {
                assertTrue(c.isValid(5));
            }
            // as a test JVM killed mid-run would find it: still running; start again replaces it
            PostgresLab.run(script, "start", dir.toString(), String.valueOf(port));
            String second = Files.readString(dir.resolve("password")).strip();
            assertNotEquals(first, second);
            assertThrows(SQLException.class, () -> connect(port, first).close(), "the old cluster's password still works");
            try (Connection c = connect(port, second)) {
                assertTrue(c.isValid(5));
            }
        } finally {
            PostgresLab.run(script, "stop", dir.toString());
        }
        assertThrows(SQLException.class, () -> connect(port, "any").close(), "the cluster still answers after stop");
    }

    private static Connection connect(int port, String password) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=ops&password=" + password
                + "&connectTimeout=10");
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
