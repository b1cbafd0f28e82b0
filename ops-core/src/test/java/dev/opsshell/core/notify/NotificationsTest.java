package dev.opsshell.core.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.opsshell.core.events.AgentGone;
import dev.opsshell.core.events.Events;
import dev.opsshell.core.events.RunFinished;
import dev.opsshell.core.history.RunSource;
import dev.opsshell.core.host.Host;
import dev.opsshell.core.host.Hosts;
import dev.opsshell.core.result.Result;
import dev.opsshell.core.result.Results;
import dev.opsshell.core.schedule.RunOutcome;
import dev.opsshell.core.schedule.ScheduleFinished;
import dev.opsshell.core.testing.Await;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Notifications against a local HTTP server, a refused port and a server that never answers. */
class NotificationsTest {
    private static final Duration LIMIT = Duration.ofSeconds(30);
    private final List<AutoCloseable> open = new ArrayList<>();
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Events events = new Events();

    @AfterEach
    void close() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) open.get(i).close();
    }

    private Notifications notifications(NotifySettings s) {
        Notifications n = new Notifications(s.with("desktop", "off"), lines::add, Map.of()).watch(events);
        open.add(n);
        return n;
    }

    private static Results failedRun() {
        Host web1 = Host.of("web1");
        Host web2 = Host.of("web2");
        Instant t = Instant.now();
        return new Results("exec systemctl is-active nginx", Hosts.of("web", List.of(web1, web2)),
                List.of(Result.exited(web1, 0, "active\n", "", false, t, "ssh"),
                        Result.exited(web2, 3, "inactive\n", "", false, t, "ssh")),
                Duration.ofMillis(7));
    }

    /** A webhook receiver: each POST's body, answered 204. */
    private LinkedBlockingQueue<String> webhook(String path) throws Exception {
        LinkedBlockingQueue<String> bodies = new LinkedBlockingQueue<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext(path, x -> {
            bodies.add(x.getRequestMethod() + " " + x.getRequestHeaders().getFirst("Content-Type") + "\n"
                    + new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            x.sendResponseHeaders(204, -1);
            x.close();
        });
        server.start();
        open.add(() -> server.stop(0));
        webhookUrl = "http://127.0.0.1:" + server.getAddress().getPort() + path;
        return bodies;
    }

    private String webhookUrl;

    @Test
    void aFailedRunIsPostedToTheWebhookAsJson() throws Exception {
        LinkedBlockingQueue<String> bodies = webhook("/hooks/T0/secret");
        Notifications n = notifications(NotifySettings.defaults().with("webhook.url", webhookUrl));
        events.publish(new RunFinished(failedRun(), RunSource.shell("hosts(\"web\").exec(…)"), Instant.now()));
        String got = bodies.poll(30, TimeUnit.SECONDS);
        assertTrue(got != null, "no POST arrived");
        assertTrue(got.startsWith("POST application/json\n"), got);
        JsonNode doc = new ObjectMapper().readTree(got.substring(got.indexOf('\n') + 1));
        assertEquals("run", doc.get("kind").asText());
        assertEquals("failed on 1 of 2 hosts: exec systemctl is-active nginx", doc.get("title").asText());
        assertTrue(doc.get("body").asText().contains("web2: "), doc.toString());
        assertEquals("1", doc.get("fields").get("failed").asText());
        assertEquals("5", doc.get("fields").get("exit").asText());
        assertEquals("shell", doc.get("fields").get("source").asText());
        Await.until(LIMIT, "the send to be counted", () -> n.sent() == 1);
        assertFalse(n.describe().contains("secret"), "the webhook's path is shown: " + n.describe());
    }

    @Test
    void okRunsAndScheduleRunsAreNotToldByDefaultButASchedulesFailureIs() throws Exception {
        LinkedBlockingQueue<String> bodies = webhook("/h");
        notifications(NotifySettings.defaults().with("webhook.url", webhookUrl));
        Results ok = failedRun().successful();
        events.publish(new RunFinished(ok, RunSource.shell("x"), Instant.now()));
        events.publish(new RunFinished(failedRun(), RunSource.schedule("nginx"), Instant.now())); // told by its schedule
        events.publish(new ScheduleFinished("nginx", "hub", "command web 'systemctl is-active nginx'",
                new RunOutcome(false, "failed: 1 of 2 hosts (web2: exit 3)"), Instant.now(), Instant.now()));
        String got = bodies.poll(30, TimeUnit.SECONDS);
        JsonNode doc = new ObjectMapper().readTree(got.substring(got.indexOf('\n') + 1));
        assertEquals("schedule", doc.get("kind").asText());
        assertEquals("schedule nginx failed: 1 of 2 hosts (web2: exit 3)", doc.get("title").asText());
        events.publish(new AgentGone("web9", "10.0.0.9", Instant.now(), Instant.now())); // a marker after the others
        String next = bodies.poll(30, TimeUnit.SECONDS);
        assertTrue(next.contains("\"kind\":\"agent\""), "the ok run or the scheduled run was told: " + next);
        assertTrue(next.contains("agent web9 is gone"), next);
        assertNull(bodies.poll(0, TimeUnit.SECONDS));
    }

    @Test
    void aRefusedPortIsReportedWithoutFailingThePublisher() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        Notifications n = notifications(NotifySettings.defaults().with("webhook.url", "http://127.0.0.1:" + closed + "/hook"));
        events.publish(new RunFinished(failedRun(), RunSource.shell("x"), Instant.now()));
        Await.until(LIMIT, "the failure to be reported", () -> n.failed() == 1);
        assertEquals(1, lines.size(), lines.toString());
        assertTrue(lines.get(0).startsWith("notify: webhook (http://127.0.0.1:" + closed + "/…) failed for \"failed on 1 of 2 hosts"),
                lines.get(0));
        assertTrue(lines.get(0).endsWith("; the run was not affected"), lines.get(0));
        assertEquals(1, n.problems().size());
        assertTrue(n.describe().contains("last failures:"), n.describe());
    }

    @Test
    void aRefusedPortSaysItCouldNotConnectNotJustTheExceptionsName() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        Notifications n = notifications(NotifySettings.defaults().with("webhook.url", "http://127.0.0.1:" + closed + "/hook"));
        events.publish(new RunFinished(failedRun(), RunSource.shell("x"), Instant.now()));
        Await.until(LIMIT, "the failure to be reported", () -> n.failed() == 1);
        assertTrue(lines.get(0).contains(": could not connect (refused, or nothing listens there); check the URL and that the server is up;"),
                lines.get(0));
        assertFalse(lines.get(0).contains("ConnectException"), lines.get(0));
    }

    @Test
    void aNameThatDoesNotResolveIsSaidSo() {
        Exception e = new java.net.ConnectException();
        e.initCause(new java.net.ConnectException());
        e.getCause().initCause(new java.nio.channels.UnresolvedAddressException());
        assertEquals("cannot resolve the host name; check the URL", Notifications.why(e));
        assertEquals("answered 500", Notifications.why(new IllegalStateException("answered 500")), "a message of its own is kept");
    }

    @Test
    void withNoNotifierOnTheDescriptionSaysHowToTurnOneOn() {
        // notifyTest() with nothing configured printed "notifiers: none" and "sent 0, failed 0": a test that passed by sending nothing
        Notifications none = new Notifications(NotifySettings.defaults().with("desktop", "off"), lines::add, Map.of());
        open.add(none);
        assertTrue(none.describe().startsWith("notifiers: none, so nothing is sent; turn one on: notifySetting(\"webhook.url\", \"https://…\"),"
                + " email.host and email.to, or desktop on"), none.describe());
    }

    @Test
    void aServerThatNeverAnswersNeitherBlocksTheRunNorGoesUnreported() throws Exception {
        CountDownLatch accepted = new CountDownLatch(1);
        ServerSocket silent = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
        open.add(silent);
        List<Socket> held = new CopyOnWriteArrayList<>();
        Thread acceptor = new Thread(() -> {
            try {
                while (true) {
                    held.add(silent.accept()); // reads nothing, answers nothing
                    accepted.countDown();
                }
            } catch (java.io.IOException closedAtEnd) {
                held.forEach(s -> {
                    try {
                        s.close();
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
        Notifications n = notifications(NotifySettings.defaults().with("timeout", "500ms")
                .with("webhook.url", "http://127.0.0.1:" + silent.getLocalPort() + "/hook"));
        events.publish(new RunFinished(failedRun(), RunSource.shell("x"), Instant.now()));
        // publish returned, and only now does the server even see the connection it will never answer
        assertTrue(accepted.await(30, TimeUnit.SECONDS), "the webhook never connected");
        assertEquals(0, n.failed() + n.sent(), "the send ended before the server answered");
        Await.until(LIMIT, "the timeout to be reported", () -> n.failed() == 1);
        assertTrue(lines.get(0).contains("no answer within 500ms"), lines.toString());
    }

    /**
     * The webhook's request timeout is the notify timeout too, so it may fire before ours (a full
     * unit run once got "request timed out" here): either way the line says there was no answer.
     */
    @Test
    void aNotifiersOwnTimeoutIsToldAsNoAnswerLikeOurs() {
        assertTrue(Notifications.timedOut(new java.util.concurrent.TimeoutException()));
        assertTrue(Notifications.timedOut(new java.net.http.HttpTimeoutException("request timed out")));
        assertTrue(Notifications.timedOut(new java.net.http.HttpConnectTimeoutException("HTTP connect timed out")));
        assertTrue(Notifications.timedOut(new java.net.SocketTimeoutException("Read timed out")));
        assertFalse(Notifications.timedOut(new java.net.ConnectException("Connection refused")));
    }

    @Test
    void aThresholdFiresOnceWhenCrossedAndAgainOnlyAfterItRecovered() {
        Thresholds t = new Thresholds(() -> NotifySettings.defaults());
        Instant at = Instant.now();
        var disk = (java.util.function.DoubleFunction<dev.opsshell.core.metrics.Sample>) v ->
                new dev.opsshell.core.metrics.Sample("web1", "disk", "used_pct", "/var", v, at);
        assertEquals(List.of(), t.check(List.of(disk.apply(80))));
        List<Notice> crossed = t.check(List.of(disk.apply(91)));
        assertEquals(1, crossed.size());
        assertEquals("web1: disk /var 91.0% used (above 85.0%)", crossed.get(0).title());
        assertEquals("/var", crossed.get(0).fields().get("mount"));
        assertEquals(List.of(), t.check(List.of(disk.apply(95))), "fired twice while above");
        assertEquals(List.of(), t.check(List.of(disk.apply(70))), "recovering is no notice");
        assertEquals(1, t.check(List.of(disk.apply(86))).size(), "not fired again after recovering");
        // another mount of the same host is its own threshold
        assertEquals(1, t.check(List.of(new dev.opsshell.core.metrics.Sample("web1", "disk", "used_pct", "/", 99, at))).size());
    }

    @Test
    void loadIsJudgedAgainstTheHostsCoresFromTheSameOrAnEarlierRound() {
        Thresholds t = new Thresholds(() -> NotifySettings.defaults().with("load_per_core", "2"));
        Instant at = Instant.now();
        var load = new dev.opsshell.core.metrics.Sample("db1", "load", "1m", "", 7.5, at);
        assertEquals(List.of(), t.check(List.of(load)), "no cores known yet: nothing to judge by");
        var cores = new dev.opsshell.core.metrics.Sample("db1", "cpu", "cores", "", 4, at);
        assertEquals(List.of(), t.check(List.of(cores, load)), "7.5 is below 2 x 4");
        List<Notice> n = t.check(List.of(new dev.opsshell.core.metrics.Sample("db1", "load", "1m", "", 8.25, at)));
        assertEquals(1, n.size());
        assertEquals("db1: load 8.25 (above 8, 2 x 4 cores)", n.get(0).title());
    }

    @Test
    void samplesCrossingAThresholdAreToldThroughTheNotifiers() {
        Notifications n = notifications(NotifySettings.defaults().with("log", "on").with("disk_pct", "50"));
        events.publish(new dev.opsshell.core.events.SamplesTaken(List.of(
                new dev.opsshell.core.metrics.Sample("web1", "disk", "used_pct", "/", 60, Instant.now()))));
        Await.until(LIMIT, "the log line", () -> n.sent() == 1);
        assertEquals(List.of("notice: [threshold] web1: disk / 60.0% used (above 50.0%)"), lines);
    }

    @Test
    void withoutNotifySendDesktopIsOffAndSaysWhatToInstall() {
        Notifications auto = new Notifications(NotifySettings.defaults(), lines::add, Map.of("PATH", "/nonexistent"));
        open.add(auto);
        assertTrue(auto.notifiers().isEmpty(), auto.notifiers().toString());
        assertTrue(auto.describe().contains("notify-send is not on the PATH (Debian: apt-get install libnotify-bin)"), auto.describe());
        assertEquals(List.of(), lines, "auto says nothing until asked");
        Notifications on = new Notifications(NotifySettings.defaults().with("desktop", "on"), lines::add, Map.of("PATH", "/nonexistent"));
        open.add(on);
        assertEquals(1, lines.size());
        assertTrue(lines.get(0).contains("notify.desktop=on has nothing to run"), lines.get(0));
    }

    /** A stand-in notify-send (this machine has no desktop bus to test the real one against). */
    private static Path standIn(Path dir, String body) throws Exception {
        Path bin = java.nio.file.Files.createDirectories(dir.resolve("bin"));
        Path script = bin.resolve("notify-send");
        java.nio.file.Files.writeString(script, "#!/bin/sh\n" + body + "\n");
        assertTrue(script.toFile().setExecutable(true));
        return bin;
    }

    @Test
    void withNotifySendOnThePathEachNoticeRunsItWithTitleAndBodyAndItsFailureIsReported(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        Path args = dir.resolve("args");
        Path bin = standIn(dir, "for a in \"$@\"; do echo \"$a\"; done > " + args);
        Notifications n = new Notifications(NotifySettings.defaults(), lines::add, Map.of("PATH", bin.toString()));
        open.add(n);
        assertEquals(List.of("desktop"), n.notifiers().stream().map(Notifier::name).toList());
        n.notify(new Notice("test", "the title", "the body", Map.of(), Instant.now())).get();
        assertEquals(List.of("--app-name=ops", "--", "the title", "the body"), java.nio.file.Files.readAllLines(args));
        assertEquals(1, n.sent());

        Path failing = standIn(dir.resolve("no-bus"), "echo 'Cannot autolaunch D-Bus without X11 $DISPLAY' >&2; exit 1");
        Notifications f = new Notifications(NotifySettings.defaults(), lines::add, Map.of("PATH", failing.toString()));
        open.add(f);
        f.notify(new Notice("test", "t", "b", Map.of(), Instant.now())).get();
        assertEquals(1, f.failed());
        assertTrue(lines.get(0).contains("notify-send exited 1: Cannot autolaunch D-Bus without X11 $DISPLAY"
                + " (no desktop session here? set notify.desktop=off)"), lines.get(0));
    }

    @Test
    void aWrongSettingIsRefusedNamingTheKeyAndWhatItTakes() {
        var e = assertThrows(IllegalArgumentException.class, () -> NotifySettings.defaults().with("disk_pct", "ninety"));
        assertEquals("notify.disk_pct must be a whole number from 1 to 100, got 'ninety'", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> NotifySettings.defaults().with("webhok.url", "x"));
        assertTrue(e.getMessage().startsWith("no notification setting 'webhok.url'; the settings are: log, desktop"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> NotifySettings.defaults().with("timeout", "10"));
        assertEquals("https://x", NotifySettings.defaults().with("notify.webhook.url", "https://x").webhook().toString());
    }
}
