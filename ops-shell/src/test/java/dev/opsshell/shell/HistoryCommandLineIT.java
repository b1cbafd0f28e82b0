package dev.opsshell.shell;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opsshell.remote.ssh.SshLab;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * History through the real {@code ops} launcher on three loopback OpenSSH hosts: runs of
 * {@code ops exec} and {@code ops -e} child processes are recorded and read back by
 * {@code ops history --json}, {@code show}, {@code rerun} and {@code purge}, each in a process of its own.
 */
@ExtendWith(SshLab.class)
class HistoryCommandLineIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Exits 3 on 127.0.1.2 only (the address ssh was dialled, from SSH_CONNECTION), prints a secret everywhere. */
    private static final String FAILS_ON_TWO = "echo api_key=abc123secret; case \"$SSH_CONNECTION\" in *' 127.0.1.2 '*) exit 3;; esac; echo fine";

    @TempDir
    Path home;
    Path inventory;
    Map<String, String> env;

    @BeforeEach
    void labInventory() throws Exception {
        Path ssh = Files.createDirectories(home.resolve(".ssh"));
        Files.copy(SshLab.lab().knownHosts(), ssh.resolve("known_hosts"));
        inventory = home.resolve("hosts.ini");
        Files.writeString(inventory, "[lab]\n127.0.1.[1:3] ansible_port=" + SshLab.PORT + " ansible_user=root"
                + " ansible_ssh_private_key_file=" + SshLab.lab().key() + "\n");
        env = Map.of("OPS_STORE", home.resolve(".ops/ops.db").toString(), "OPS_HISTORY", "on");
    }

    private OpsProcess.Run ops(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("-i", inventory.toString()));
        all.addAll(List.of(args));
        return OpsProcess.run(home, null, env, all.toArray(String[]::new));
    }

    private JsonNode json(String... args) throws Exception {
        OpsProcess.Run r = ops(args);
        assertEquals(0, r.code(), r.toString());
        return JSON.readTree(r.out());
    }

    @Test
    void anExecRunIsRecordedWithItsHostsOutcomesAndMaskedOutputAndReadBackAsJson() throws Exception {
        OpsProcess.Run run = ops("exec", "lab", "--", FAILS_ON_TWO);
        assertEquals(5, run.code(), run.toString());
        assertTrue(run.out().contains("abc123secret"), "the run itself shows its output unmasked: " + run);

        JsonNode runs = json("history", "--json");
        assertEquals(1, runs.size(), runs.toString());
        JsonNode r = runs.get(0);
        assertEquals("one_liner", r.path("source").asText());
        assertTrue(r.path("source_detail").asText().startsWith("ops exec lab -- echo api_key=********"), r.toString());
        assertEquals("lab", r.path("target").asText());
        assertEquals("ssh", r.path("transport").asText());
        assertEquals(5, r.path("exit").asInt());
        assertEquals(3, r.path("hosts").asInt());
        assertEquals(1, r.path("failed").asInt());
        assertTrue(r.path("who").asText().startsWith(System.getProperty("user.name") + "@"), r.toString());
        assertTrue(r.path("rerun").asText().startsWith("exec("), r.toString());

        JsonNode shown = json("history", "show", r.path("id").asText(), "--json");
        JsonNode hosts = shown.path("hosts_detail");
        assertEquals(3, hosts.size());
        assertEquals("127.0.1.1", hosts.get(0).path("host").asText());
        assertEquals("ok", hosts.get(0).path("outcome").asText());
        assertEquals("api_key=********\nfine\n", hosts.get(0).path("stdout").asText());
        assertEquals("failed", hosts.get(1).path("outcome").asText());
        assertEquals(3, hosts.get(1).path("exit").asInt());
        assertFalse(shown.toString().contains("abc123secret"), "no secret stored: " + shown);
        assertFalse(Files.readString(home.resolve(".ops/ops.db"), java.nio.charset.StandardCharsets.ISO_8859_1)
                .contains("abc123secret"), "nor anywhere in the database file");

        OpsProcess.Run report = ops("report", "--out", "r.html", "--since", "1h");
        assertEquals(0, report.code(), report.toString());
        assertTrue(report.out().contains("1 run →"), "the store's report lists the recorded run: " + report);
        String page = Files.readString(home.resolve("r.html"));
        assertTrue(page.contains("api_key=********") && !page.contains("abc123secret"), "masked in the report too");
    }

    @Test
    void filtersSelectRunsAndRerunOfTheFailedHostsRunsOnlyThere() throws Exception {
        assertEquals(0, ops("exec", "lab", "--", "uptime").code());
        assertEquals(5, ops("-e", "hosts(\"lab\").exec(\"case \\\"$SSH_CONNECTION\\\" in *' 127.0.1.2 '*) exit 3;; esac\")").code());
        assertEquals(0, ops("exec", "127.0.1.3", "--", "true").code());

        assertEquals(3, json("history", "--json").size());
        JsonNode failed = json("history", "--failed", "--json");
        assertEquals(1, failed.size(), failed.toString());
        assertTrue(failed.get(0).path("source_detail").asText().startsWith("ops -e hosts(\"lab\")"), failed.toString());
        assertEquals(List.of("uptime"), operations(json("history", "--operation", "upt*", "--json")));
        assertEquals(2, json("history", "--host", "127.0.1.1", "--json").size());
        assertEquals(1, json("history", "--limit", "1", "--json").size());
        assertEquals(3, json("history", "--since", "1h", "--json").size());
        assertEquals(0, json("history", "--until", "1h", "--json").size());

        String id = failed.get(0).path("id").asText();
        OpsProcess.Run again = ops("history", "rerun", id, "--failed");
        assertEquals(5, again.code(), again.toString());
        assertTrue(again.out().contains("127.0.1.2") && !again.out().contains("127.0.1.1"), again.toString());
        JsonNode newest = json("history", "--json").get(0);
        assertEquals("ops history rerun " + id + " --failed", newest.path("source_detail").asText());
        assertEquals(1, newest.path("hosts").asInt());

        OpsProcess.Run all = ops("history", "rerun", json("history", "--operation", "uptime", "--json").get(0).path("id").asText());
        assertEquals(0, all.code(), all.toString());
        assertTrue(all.out().contains("3 ok"), all.toString());
    }

    @Test
    void aRunOfJavaCodeCannotBeRebuiltAndSaysWhichSnippetItCameFrom() throws Exception {
        String code = "hosts(\"lab\").run(h -> h.exec(\"true\").where(r -> true))";
        assertEquals(0, ops("-e", code).code());
        JsonNode newest = json("history", "--json").get(0);
        assertTrue(newest.path("rerun").isNull(), newest.toString());
        OpsProcess.Run r = ops("history", "rerun", newest.path("id").asText());
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().contains("cannot be rebuilt") && r.err().contains(code), r.toString());
    }

    @Test
    void unknownRunsAndBadValuesExitTwoAndPurgeForgetsOldRuns() throws Exception {
        assertEquals(0, ops("exec", "lab", "--", "true").code());
        OpsProcess.Run missing = ops("history", "show", "999");
        assertEquals(2, missing.code(), missing.toString());
        assertTrue(missing.err().contains("no run #999"), missing.toString());
        OpsProcess.Run noneFailed = ops("history", "rerun", "1", "--failed");
        assertEquals(2, noneFailed.code(), noneFailed.toString());
        assertTrue(noneFailed.err().contains("no host failed in run #1") && noneFailed.out().isEmpty(),
                "nothing is run again: " + noneFailed);
        assertEquals(1, json("history", "--json").size(), "and nothing new recorded");
        OpsProcess.Run bad = ops("history", "--since", "yesterday");
        assertEquals(2, bad.code(), bad.toString());
        assertTrue(bad.err().contains("30m, 2h, 7d"), bad.toString());

        OpsProcess.Run kept = ops("history", "purge", "--older-than", "1d");
        assertEquals(0, kept.code(), kept.toString());
        assertTrue(kept.out().startsWith("purged 0 runs"), kept.toString());
        assertEquals(1, json("history", "--json").size());
        Files.writeString(home.resolve(".ops/config"), "history.retention=30m\n");
        OpsProcess.Run purged = OpsProcess.run(home, null, Map.of("OPS_STORE", env.get("OPS_STORE")), "-i", inventory.toString(),
                "history", "purge", "--older-than", "0m");
        assertEquals(0, purged.code(), purged.toString());
        assertTrue(purged.out().contains("nothing purged"), "0m means forever: " + purged);
    }

    @Test
    void runsAreRecordedInAPostgresqlStoreAsInSqlite() throws Exception {
        String url = dev.opsshell.core.testing.PostgresLab.freshDatabase(getClass());
        env = Map.of("OPS_STORE", url);
        OpsProcess.Run run = ops("exec", "lab", "--", FAILS_ON_TWO);
        assertEquals(5, run.code(), run.toString());
        JsonNode r = json("history", "--json").get(0);
        assertEquals(3, r.path("hosts").asInt());
        assertEquals(1, r.path("failed").asInt());
        JsonNode hosts = json("history", "show", r.path("id").asText(), "--json").path("hosts_detail");
        assertEquals("api_key=********\nfine\n", hosts.get(2).path("stdout").asText());
        assertFalse(run.err().contains("history:"), run.toString());
    }

    private static List<String> operations(JsonNode runs) {
        List<String> out = new ArrayList<>();
        runs.forEach(r -> out.add(r.path("operation").asText()));
        return out;
    }
}
