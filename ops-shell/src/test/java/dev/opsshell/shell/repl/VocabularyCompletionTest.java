package dev.opsshell.shell.repl;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VocabularyCompletionTest {
    private final AtomicInteger schedulesAsked = new AtomicInteger();

    private VocabularyCompletion.Names names() {
        Supplier<List<String>> schedules = () -> {
            schedulesAsked.incrementAndGet();
            return List.of("probe", "disk-watch", "probe");
        };
        return new VocabularyCompletion.Names(() -> List.of("cpu", "disk", "diskio", "entropy"), schedules,
                () -> List.of("run", "sample", "script"), () -> List.of("runs", "webhook.url", "webhook.timeout"));
    }

    @Test
    void namesInsideEachStringStartingWithTheWordTyped() {
        String line = "metrics(\"di";
        VocabularyCompletion.Candidates c = VocabularyCompletion.at(line, line.length(), names()).orElseThrow();
        assertEquals(List.of("disk", "diskio"), c.values());
        assertEquals(line.length() - 2, c.anchor());
        assertEquals("metrics", c.group());

        line = "x = stopSchedule( \"";
        c = VocabularyCompletion.at(line, line.length(), names()).orElseThrow();
        assertEquals(List.of("probe", "disk-watch"), c.values(), "a name in this shell and the store is offered once");
        assertEquals("schedules", c.group());

        line = "cron(\"0 * * * *\", \"n\", action(\"sa";
        assertEquals(List.of("sample"), VocabularyCompletion.at(line, line.length(), names()).orElseThrow().values());

        line = "notifySetting(\"webhook.";
        assertEquals(List.of("webhook.url", "webhook.timeout"), VocabularyCompletion.at(line, line.length(), names()).orElseThrow().values());
    }

    @Test
    void theCursorDecidesNotTheEndOfTheLine() {
        String line = "metrics(\"cpu\").spark()";
        assertTrue(VocabularyCompletion.at(line, line.length(), names()).isEmpty(), "after the string is closed");
        VocabularyCompletion.Candidates c = VocabularyCompletion.at(line, "metrics(\"c".length(), names()).orElseThrow();
        assertEquals(List.of("cpu"), c.values());
    }

    @Test
    void outsideThoseStringsNoListIsAsked() {
        for (String line : List.of("stopSchedules()", "schedules().stream()", "localhost().exec(\"stopSchedule(", "mymetrics(\"c")) {
            int before = schedulesAsked.get();
            assertTrue(VocabularyCompletion.at(line, line.length(), names()).isEmpty(), line);
            assertEquals(before, schedulesAsked.get(), line);
        }
    }
}
