package dev.opsshell.shell.history;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AgesTest {
    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

    @Test
    void anAgeIsThatLongAgoAsEveryDurationIsWritten() {
        assertEquals(NOW.minus(Duration.ofHours(2)), Ages.parse("2h", "--since", NOW));
        assertEquals(NOW.minus(Duration.ofDays(14)), Ages.parse("2W", "--since", NOW));
        assertEquals(NOW.minus(Duration.ofMinutes(90)), Ages.parse("1h30m", "--since", NOW));
        assertEquals(NOW.minus(Duration.ofMinutes(30)), Ages.parse(" 30 m ", "--since", NOW));
    }

    @Test
    void aDateOrAnInstantIsThatPointInTime() {
        assertEquals(LocalDate.parse("2026-12-01").atStartOfDay(ZoneId.systemDefault()).toInstant(),
                Ages.parse("2026-12-01", "--until", NOW));
        assertEquals(Instant.parse("2026-12-01T10:00:00Z"), Ages.parse("2026-12-01T10:00:00Z", "--until", NOW));
    }

    @Test
    void anythingElseSaysTheThreeForms() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Ages.parse("yesterday", "--since", NOW));
        assertEquals("--since yesterday: write an age (30m, 2h, 7d, 2w), a date (2026-12-01) or an instant (2026-12-01T10:00:00Z)",
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Ages.parse("-2h", "--since", NOW));
    }
}
