package dev.opsshell.shell;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real launcher: sampling and querying at the prompt's vocabulary ({@code ops -e}, the startup
 * imports), then {@code ops metrics} reading what was stored, as a table, JSON, CSV and sparklines.
 */
class MetricsCommandLineIT {
    @TempDir
    Path home;

    @Test
    void samplesTakenAtThePromptAreStoredAndReadBackByOpsMetrics() throws Exception {
        Map<String, String> env = Map.of("OPS_STORE", home.resolve("ops.db").toString());
        OpsProcess.Run sampled = OpsProcess.run(home, null, env, "-e",
                "sample(localhost(), cpu(), memory(), disk()); var r = sample(localhost(), cpu(), memory(), disk()); r");
        assertEquals(0, sampled.code(), sampled::toString);
        assertTrue(sampled.out().contains("localhost  cpu/idle"), sampled::toString);
        assertTrue(sampled.out().contains("memory/used_pct"), sampled::toString);

        OpsProcess.Run spark = OpsProcess.run(home, null, env, "-e", "metrics(\"cpu\").last(Duration.ofHours(1)).spark()");
        assertEquals(0, spark.code(), spark::toString);
        assertTrue(spark.out().lines().anyMatch(l -> l.matches("  localhost  [▁▂▃▄▅▆▇█ ]{2}  min .*%  max .*%  last .*%")), spark::toString);

        OpsProcess.Run json = OpsProcess.run(home, null, env, "metrics", "cpu", "--field", "idle", "--json");
        assertEquals(0, json.code(), json::toString);
        JsonNode samples = new ObjectMapper().readTree(json.out());
        assertEquals(2, samples.size(), json::toString);
        assertEquals("localhost", samples.get(0).get("host").asText());
        assertTrue(samples.get(0).get("value").asDouble() >= 0 && samples.get(0).get("value").asDouble() <= 100);

        OpsProcess.Run csv = OpsProcess.run(home, null, env, "metrics", "disk", "--label", "/", "--latest", "--csv");
        assertEquals(0, csv.code(), csv::toString);
        assertTrue(csv.out().startsWith("host,metric,field,label,value,at\n"), csv::toString);
        assertEquals(4, csv.out().lines().filter(l -> l.startsWith("localhost,disk,")).count(), csv::toString);

        OpsProcess.Run table = OpsProcess.run(home, null, env, "metrics", "memory", "--last", "1h");
        assertTrue(table.out().startsWith("HOST") && table.out().contains("memory/used_pct"), table::toString);

        OpsProcess.Run bad = OpsProcess.run(home, null, env, "metrics", "cpus");
        assertEquals(2, bad.code(), bad::toString);
        assertTrue(bad.err().contains("no metric 'cpus': ops samples cpu, load, memory"), bad::toString);
    }
}
