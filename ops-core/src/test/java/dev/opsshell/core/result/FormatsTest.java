package dev.opsshell.core.result;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.opsshell.core.result.TestResults.exit;
import static dev.opsshell.core.result.TestResults.ok;
import static dev.opsshell.core.result.TestResults.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** pretty() groups hosts with identical output; json() writes one parseable object per host. */
class FormatsTest {
    private final Results results = TestResults.of(ok("web01", "Linux 6.1\n"), ok("web02", "Linux 6.1\n"),
            ok("web03", "Linux 6.1\n"), exit("web04", 2, "no such file\n"), ok("web07", "Linux 6.1\n"),
            problem("web05", Outcome.UNREACHABLE, "connection refused"));

    @Test
    void prettyGroupsHostsWithIdenticalOutputIntoOneNodeSetLine() {
        String text = results.toString();
        List<String> lines = text.lines().toList();
        assertEquals("uptime", lines.get(0));
        assertEquals("✔ web[01-03,07] (4)", lines.get(1));
        assertEquals("    Linux 6.1", lines.get(2));
        assertEquals("✗ web04  exit 2", lines.get(3));
        assertEquals("    stderr: no such file", lines.get(4));
        assertEquals("✗ web05  unreachable", lines.get(5));
        assertEquals("    connection refused", lines.get(6));
    }

    @Test
    void prettyEndsWithASummaryOfCountsByOutcomeAndWallTime() {
        List<String> lines = results.toString().lines().toList();
        assertEquals("4 ok, 1 non-zero exit, 1 unreachable · 1.50 s", lines.get(lines.size() - 1));
        assertEquals(lines.get(lines.size() - 1), results.summary());
    }

    @Test
    void prettyShowsASingleHostWithoutACount() {
        String text = TestResults.of(ok("db1", "fine\n")).toString();
        assertTrue(text.contains("✔ db1\n"), text);
        assertFalse(text.contains("(1)"), text);
    }

    @Test
    void prettyCutsLongOutputAndSaysHowMuchIsLeft() {
        String longText = "line\n".repeat(PrettyFormat.MAX_LINES + 5);
        String text = TestResults.of(ok("db1", longText)).toString();
        assertTrue(text.contains("    … 5 more lines\n"), text);
    }

    @Test
    void echoedResultsPrintLikePretty() {
        assertEquals(PrettyFormat.render(results, false).stripTrailing(), results.toString());
    }

    @Test
    void jsonWritesOneObjectPerHostThatJacksonReadsBack() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        List<String> lines = JsonFormat.lines(results).lines().toList();
        assertEquals(6, lines.size());
        JsonNode first = mapper.readTree(lines.get(0));
        assertEquals("web01", first.get("host").asText());
        assertEquals("ok", first.get("outcome").asText());
        assertTrue(first.get("ok").asBoolean());
        assertEquals(0, first.get("exit").asInt());
        assertEquals("Linux 6.1\n", first.get("stdout").asText());
        assertEquals(12, first.get("duration_ms").asInt());
        assertEquals("test", first.get("transport").asText());
        JsonNode failed = mapper.readTree(lines.get(3));
        assertEquals("failed", failed.get("outcome").asText());
        assertEquals(2, failed.get("exit").asInt());
        assertEquals("no such file\n", failed.get("stderr").asText());
        JsonNode down = mapper.readTree(lines.get(5));
        assertEquals("unreachable", down.get("outcome").asText());
        assertEquals("connection refused", down.get("message").asText());
        assertEquals(-1, down.get("exit").asInt());
    }
}
