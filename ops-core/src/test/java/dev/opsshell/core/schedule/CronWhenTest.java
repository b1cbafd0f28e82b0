package dev.opsshell.core.schedule;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CronWhenTest {
    @Test
    void everyFiveMinutesIsTheNextMultipleOfFiveInThisMachinesZone() {
        ZonedDateTime at = ZonedDateTime.of(2026, 12, 2, 3, 41, 17, 0, ZoneId.systemDefault());
        Instant next = When.cron("*/5 * * * *").next(at.toInstant());
        assertEquals(ZonedDateTime.of(2026, 12, 2, 3, 45, 0, 0, ZoneId.systemDefault()).toInstant(), next);
    }

    @Test
    void weekdaysAtThreeSkipTheWeekend() {
        // 2026-12-05 is a Saturday
        ZonedDateTime saturday = ZonedDateTime.of(2026, 12, 5, 12, 0, 0, 0, ZoneId.systemDefault());
        Instant next = When.cron("0 3 * * 1-5").next(saturday.toInstant());
        assertEquals(ZonedDateTime.of(2026, 12, 7, 3, 0, 0, 0, ZoneId.systemDefault()).toInstant(), next);
    }

    @Test
    void theStoredFormReadsBack() {
        When w = When.parse("cron", "0 3 * * 1-5");
        assertEquals("cron 0 3 * * 1-5", w.describe());
        assertEquals(When.every(java.time.Duration.ofMinutes(90)), When.parse("every", "PT1H30M"));
        assertEquals("every 1h30m", When.parse("every", "PT1H30M").describe());
    }

    @Test
    void aBadExpressionSaysWhatAGoodOneLooksLike() {
        for (String bad : new String[]{"*/5 * * *", "0 0 3 * * *", "61 * * * *", "every five minutes", ""}) {
            var e = assertThrows(IllegalArgumentException.class, () -> When.cron(bad), bad);
            assertTrue(e.getMessage().contains("five fields, minute hour day-of-month month day-of-week"), e.getMessage());
            assertTrue(e.getMessage().contains("\"*/5 * * * *\""), e.getMessage());
        }
    }
}
