package dev.opsshell.shell;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opsshell.core.testing.Await;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Stored schedules through the real launcher: added with {@code ops schedule add}, run by real
 * {@code ops hub} processes on an SQLite store, replaced and stopped while a hub runs, and resumed
 * by a new hub process after the first was stopped.
 */
class ScheduleHubIT {
    private static final Duration LIMIT = Duration.ofSeconds(90);
    @TempDir
    Path home;
    private Map<String, String> env;
    private HubProcesses hubs;

    @BeforeEach
    void store() {
        env = Map.of("OPS_STORE", home.resolve("ops.db").toString(), "OPS_SCHEDULE_POLL_MS", "100");
        hubs = new HubProcesses(home, env);
    }

    @AfterEach
    void stopHubs() throws InterruptedException {
        hubs.close();
    }

    private OpsProcess.Run ops(String... args) throws Exception {
        return OpsProcess.run(home, null, env, args);
    }

    private Process hub() throws Exception {
        return hubs.start();
    }

    private static void stop(Process p) throws InterruptedException {
        HubProcesses.stop(p);
    }

    private long lines(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file).size() : 0;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private JsonNode stored(String name) throws Exception {
        OpsProcess.Run list = ops("schedule", "list", "--json");
        assertEquals(0, list.code(), list.toString());
        for (JsonNode s : new ObjectMapper().readTree(list.out())) if (s.get("name").asText().equals(name)) return s;
        return null;
    }

    private String logs() {
        return hubs.logs();
    }

    @Test
    void aScheduleAddedFromTheCommandLineRunsInTheHubAndResumesAfterTheHubRestarts() throws Exception {
        Path marks = home.resolve("marks");
        OpsProcess.Run add = ops("schedule", "add", "mark", "--every", "1s", "command", "localhost", "echo run >> " + marks);
        assertEquals(0, add.code(), add.toString());
        assertTrue(add.out().contains("no `ops hub` runs the stored schedules of this store"), add.out());
        assertTrue(add.out().contains("every 1s") && add.out().contains("command localhost 'echo run >> "), add.out());

        Process first = hub();
        Await.until(LIMIT, "two runs by the first hub\n" + logs(), () -> lines(marks) >= 2);
        JsonNode s = stored("mark");
        assertTrue(s.get("runs").asLong() >= 1 && s.get("last_ok").asBoolean(), s.toString());
        assertEquals("every 1s", s.get("when").asText());
        OpsProcess.Run list = ops("schedule", "list");
        assertFalse(list.out().contains("no `ops hub` runs"), "a hub runs, but the list says none does: " + list.out());

        stop(first);
        long before = lines(marks);
        long runsBefore = stored("mark").get("runs").asLong();
        hub();
        Await.until(LIMIT, "two more runs by the new hub\n" + logs(), () -> lines(marks) >= before + 2);
        Await.until(LIMIT, "the new hub's runs to be recorded", () -> {
            try {
                return stored("mark").get("runs").asLong() > runsBefore;
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
    }

    @Test
    void aScheduleReplacedOrStoppedFromTheCommandLineChangesWhatTheRunningHubDoes() throws Exception {
        Path a = home.resolve("a");
        Path b = home.resolve("b");
        Path clock = home.resolve("clock");
        hub();
        assertEquals(0, ops("schedule", "add", "job", "--every", "1s", "command", "localhost", "echo a >> " + a).code());
        Await.until(LIMIT, "the first action to run\n" + logs(), () -> lines(a) >= 1);
        OpsProcess.Run replace = ops("schedule", "add", "job", "--cron", "* * * * *", "command", "localhost", "echo b >> " + b, "--json");
        assertEquals(0, replace.code(), replace.toString());
        JsonNode replaced = new ObjectMapper().readTree(replace.out());
        assertEquals("cron * * * * *", replaced.get("when").asText());
        assertEquals(0, replaced.get("runs").asLong());
        assertTrue(replaced.get("hub_running").asBoolean(), replace.out());
        // back to every second, with b: re-registering again replaces again
        assertEquals(0, ops("schedule", "add", "job", "--every", "1s", "command", "localhost", "echo b >> " + b).code());
        Await.until(LIMIT, "the new action to run twice\n" + logs(), () -> lines(b) >= 2);
        long aRuns = lines(a);
        Await.until(LIMIT, "the new action to run twice more", () -> lines(b) >= 4);
        assertEquals(aRuns, lines(a), "the replaced action still runs");

        OpsProcess.Run stop = ops("schedule", "stop", "job", "--json");
        assertEquals(0, stop.code(), stop.toString());
        assertEquals("{\"stopped\":[\"job\"]}", stop.out().strip());
        assertEquals(0, ops("schedule", "add", "clock", "--every", "1s", "command", "localhost", "echo t >> " + clock).code());
        Await.until(LIMIT, "the clock to tick once", () -> lines(clock) >= 1);
        long bRuns = lines(b);
        Await.until(LIMIT, "the clock to tick three more times", () -> lines(clock) >= 4);
        assertEquals(bRuns, lines(b), "the stopped schedule still runs");

        OpsProcess.Run unknown = ops("schedule", "stop", "nosuch");
        assertEquals(2, unknown.code(), unknown.toString());
        assertTrue(unknown.err().contains("no stored schedule named 'nosuch'; there are: clock (nothing was stopped)"), unknown.err());
        OpsProcess.Run all = ops("schedule", "stop", "--all");
        assertEquals("stopped clock", all.out().strip());
        assertEquals("[]", ops("schedule", "list", "--json").out().strip());
    }

    @Test
    void aFailingScheduleIsAFailedOutcomeTheHubLogsAsANoticeAndItGoesOn() throws Exception {
        assertEquals(0, ops("schedule", "add", "broken", "--every", "1s", "command", "localhost", "exit 3").code());
        hub();
        Await.until(LIMIT, "two failed runs recorded", () -> {
            try {
                JsonNode s = stored("broken");
                return s.get("runs").asLong() >= 2;
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        JsonNode s = stored("broken");
        assertFalse(s.get("last_ok").asBoolean(), s.toString());
        assertEquals("failed: 1 of 1 hosts (localhost: exit 3)", s.get("last_outcome").asText());
        Await.until(LIMIT, "the hub's notice line", () -> logs().contains(
                "ops hub: notice: [schedule] schedule broken failed: 1 of 1 hosts (localhost: exit 3)"));
        // the hub's runs are in the store's history, from the schedule (the hub shares one store)
        Await.until(LIMIT, "the schedule's runs in the history", () -> {
            try {
                for (JsonNode r : new ObjectMapper().readTree(ops("history", "--failed", "--json").out())) {
                    if (r.get("source").asText().equals("schedule") && r.get("source_detail").asText().equals("broken")
                            && r.get("exit").asInt() == 5 && r.get("target").asText().equals("localhost")) return true;
                }
                return false;
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
    }

    @Test
    void aSamplingScheduleInTheHubStoresSamplesAndACrossedThresholdIsLogged() throws Exception {
        Files.createDirectories(home.resolve(".ops"));
        Files.writeString(home.resolve(".ops/config"), "notify.disk_pct=1\nnotify.desktop=off\n"); // any used disk crosses 1 %
        assertEquals(0, ops("schedule", "add", "sampling", "--every", "1s", "sample", "localhost", "disk", "cpu", "load").code());
        hub();
        Await.until(LIMIT, "the hub's threshold notice\n" + logs(), () -> logs().contains("ops hub: notice: [threshold] localhost: disk "));
        OpsProcess.Run disk = ops("metrics", "disk", "--json");
        assertEquals(0, disk.code(), disk.toString());
        assertTrue(disk.out().contains("\"localhost\""), disk.out());
        JsonNode s = stored("sampling");
        assertTrue(s.get("runs").asLong() >= 1 && s.get("last_ok").asBoolean(), s.toString());
        // once per crossing: more rounds above the limit tell nothing more for the same mount
        long rounds = s.get("runs").asLong();
        Await.until(LIMIT, "two more rounds", () -> {
            try {
                return stored("sampling").get("runs").asLong() >= rounds + 2;
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        // the fullest mount (one hovering about 1 % could rightly cross again after recovering); lines
        // start with a time, so they are told apart by mount, not compared whole
        java.util.regex.Pattern told = java.util.regex.Pattern.compile("notice: \\[threshold] localhost: disk (\\S+) ([0-9.]+)% used");
        String fullest = logs().lines().map(told::matcher).filter(java.util.regex.Matcher::find)
                .max(java.util.Comparator.comparingDouble(m -> Double.parseDouble(m.group(2)))).orElseThrow().group(1);
        assertEquals(1, logs().lines().filter(l -> l.contains("notice: [threshold] localhost: disk " + fullest + " ")).count(), logs());
    }

    @Test
    void badSchedulesAreRefusedSayingWhatToDo() throws Exception {
        OpsProcess.Run cron = ops("schedule", "add", "x", "--cron", "*/5 * * *", "command", "web", "uptime");
        assertEquals(2, cron.code(), cron.toString());
        assertTrue(cron.err().contains("Give Unix cron's five fields, minute hour day-of-month month day-of-week"), cron.err());
        OpsProcess.Run kind = ops("schedule", "add", "x", "--every", "5m", "reboot", "web");
        assertEquals(2, kind.code(), kind.toString());
        assertTrue(kind.err().contains("no stored action of kind 'reboot' here; known kinds: command PATTERN COMMAND-LINE,"
                + " sample PATTERN [FAMILY…], script FILE.jsh [ARGS…]"), kind.err());
        OpsProcess.Run family = ops("schedule", "add", "x", "--every", "5m", "sample", "web", "cpus");
        assertEquals(2, family.code(), family.toString());
        assertTrue(family.err().contains("no metric 'cpus': ops samples cpu,"), family.err());
        OpsProcess.Run args = ops("schedule", "add", "x", "--every", "5m", "command", "web");
        assertEquals(2, args.code(), args.toString());
        assertTrue(args.err().contains("a command schedule takes a host pattern and a command line"), args.err());
        assertEquals("[]", ops("schedule", "list", "--json").out().strip());
    }

    @Test
    void theShellsVocabularySchedulesLambdasInItsSessionAndStoredActionsForTheHub() throws Exception {
        Path script = home.resolve("sched.jsh");
        Files.writeString(script, String.join("\n",
                "every(Duration.ofMillis(50), \"tick\", () -> localhost().exec(\"true\"));",
                "every(Duration.ofMillis(50), \"quiet\", () -> System.out.print(\"\"));",
                "cron(\"*/5 * * * *\", \"later\", () -> 1);",
                "while (schedules().stream().filter(s -> s.name().equals(\"tick\")).findFirst().get().runs() < 3) Thread.sleep(20);",
                "System.out.println(schedules().stream().filter(s -> s.name().equals(\"tick\")).findFirst().get().lastOutcome());",
                "stopSchedule(\"tick\");",
                "System.out.println(schedules().stream().map(s -> s.name() + \"/\" + s.where()).toList());",
                "System.out.println(every(Duration.ofMinutes(5), \"disk\", runOn(\"localhost\", \"df -h /\")));",
                "System.out.println(notifications().notifiers());",
                ""));
        // desktop off: with notify-send on a developer's PATH it would be on (auto), and this checks the log's default
        Files.createDirectories(home.resolve(".ops"));
        Files.writeString(home.resolve(".ops/config"), "notify.desktop=off\n");
        OpsProcess.Run run = ops(script.toString());
        assertEquals(0, run.code(), run.toString());
        List<String> out = run.out().lines().toList();
        assertEquals("ok", out.get(0), run.toString());
        assertEquals("[later/session, quiet/session]", out.get(1), run.toString());
        assertTrue(run.out().contains("disk  every 5m  hub    command localhost 'df -h /'"), run.out());
        assertTrue(run.out().contains("no `ops hub` runs the stored schedules of this store"), run.out());
        assertTrue(run.out().contains("[]"), "a shell logs no notices by default: " + run.out());
        JsonNode disk = stored("disk");
        assertEquals("command", disk.get("action_kind").asText());
        OpsProcess.Run bad = ops("-e", "cron(\"61 * * * *\", \"x\", () -> 1)");
        assertEquals(1, bad.code(), bad.toString());
        assertTrue(bad.err().contains("Give Unix cron's five fields"), bad.toString());
    }
}
