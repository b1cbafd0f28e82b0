package dev.opsshell.core.history;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HistorySettingsTest {
    @TempDir
    Path home;

    @Test
    void defaultsRecordAndKeepNinetyDays() {
        HistorySettings s = HistorySettings.configured(Map.of(), home);
        assertTrue(s.record());
        assertEquals(Duration.ofDays(90), s.retention());
    }

    @Test
    void theConfigFileSetsRetentionAndTheEnvironmentWins() throws Exception {
        Files.createDirectories(home.resolve(".ops"));
        Files.writeString(home.resolve(".ops/config"), "store=/tmp/x.db\nhistory.retention=2w\n");
        assertEquals(Duration.ofDays(14), HistorySettings.configured(Map.of(), home).retention());
        assertEquals(Duration.ofHours(12), HistorySettings.configured(Map.of("OPS_HISTORY_RETENTION", "12h"), home).retention());
        assertNull(HistorySettings.configured(Map.of("OPS_HISTORY_RETENTION", "forever"), home).retention());
        assertFalse(HistorySettings.configured(Map.of("OPS_HISTORY", "off"), home).record());
    }

    @Test
    void aBadRetentionSaysHowToWriteOne() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HistorySettings.retention("90 days", "history.retention"));
        assertEquals("history.retention: '90 days' is not a duration; write it as 500ms, 30s, 5m or 2h, or in days (2d) or weeks (2w), or forever to keep every run",
                e.getMessage());
        assertEquals(Duration.ofMinutes(30), HistorySettings.retention("30m", "x"));
        assertEquals(null, HistorySettings.retention("0m", "x"), "zero keeps every run, as forever");
        assertEquals("x: '30s' would keep runs less than a minute; give minutes or more (90d, 2w, 12h, 30m), or forever to keep every run",
                assertThrows(IllegalArgumentException.class, () -> HistorySettings.retention("30s", "x")).getMessage());
        assertEquals("OPS_HISTORY: 'maybe' is neither on nor off; write on (record every run) or off",
                assertThrows(IllegalArgumentException.class, () -> HistorySettings.configured(Map.of("OPS_HISTORY", "maybe"), home))
                        .getMessage());
    }

    @Test
    void aBadRetentionInTheConfigNamesTheFileAndTheKey() throws Exception {
        Files.createDirectories(home.resolve(".ops"));
        Files.writeString(home.resolve(".ops/config"), "history.retention=2 weeks\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HistorySettings.configured(Map.of(), home));
        assertEquals(home.resolve(".ops/config") + " (history.retention=): '2 weeks' is not a duration; write it as 500ms, 30s, 5m or 2h,"
                + " or in days (2d) or weeks (2w), or forever to keep every run", e.getMessage());
        assertEquals(Duration.ofDays(3), HistorySettings.configured(Map.of("OPS_HISTORY_RETENTION", "3d"), home).retention(),
                "the environment comes first, and the file's value is not read then");
    }
}
