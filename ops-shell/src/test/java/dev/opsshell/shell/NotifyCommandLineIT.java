package dev.opsshell.shell;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Notifications configured in ~/.ops/config, through the real launcher: a one-liner's failed run reaches the webhook before ops exits. */
class NotifyCommandLineIT {
    @TempDir
    Path home;
    private HttpServer server;
    private final LinkedBlockingQueue<String> bodies = new LinkedBlockingQueue<>();

    @AfterEach
    void stop() {
        if (server != null) server.stop(0);
    }

    private String webhook() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", x -> {
            bodies.add(new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            x.sendResponseHeaders(204, -1);
            x.close();
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    @Test
    void aOneLinersFailedRunIsPostedBeforeOpsExitsAndAnOkRunIsNot() throws Exception {
        Files.createDirectories(home.resolve(".ops"));
        Files.writeString(home.resolve(".ops/config"), "notify.webhook.url=" + webhook() + "\nnotify.desktop=off\n");
        OpsProcess.Run ok = OpsProcess.run(home, null, "-e", "localhost().exec(\"true\")");
        assertEquals(0, ok.code(), ok.toString());
        OpsProcess.Run failed = OpsProcess.run(home, null, "-e", "localhost().exec(\"exit 3\")");
        assertEquals(5, failed.code(), failed.toString());
        String body = bodies.poll(0, TimeUnit.SECONDS); // ops has exited: it waited for the send
        assertTrue(body != null, "no POST before ops exited: " + failed);
        JsonNode doc = new ObjectMapper().readTree(body);
        assertEquals("failed on 1 of 1 hosts: exit 3", doc.get("title").asText());
        assertNull(bodies.poll(0, TimeUnit.SECONDS), "the ok run was told too");
    }

    @Test
    void aWrongSettingInTheConfigIsSaidOnceAndTheShellGoesOn() throws Exception {
        Files.createDirectories(home.resolve(".ops"));
        Files.writeString(home.resolve(".ops/config"), "notify.disk_pct=ninety\n");
        OpsProcess.Run run = OpsProcess.run(home, null, "-e", "1 + 1");
        assertEquals(0, run.code(), run.toString());
        assertTrue(run.err().contains("notify: " + home.resolve(".ops/config") + ": notify.disk_pct must be a whole number"
                + " from 1 to 100, got 'ninety'; notifications use their defaults until it is fixed"), run.err());
    }
}
