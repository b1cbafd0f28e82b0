package dev.opsshell.core.schedule;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class EveryTest {
    @Test
    void aPeriodOfZeroOrLessIsRefusedInWordsNotAsAnIsoDuration() {
        assertEquals("a schedule's period must be longer than zero, got a negative one (-5000 ms); e.g. every(Duration.ofMinutes(5), \"name\", …)",
                assertThrows(IllegalArgumentException.class, () -> new Every(Duration.ofSeconds(-5))).getMessage());
        assertEquals("a schedule's period must be longer than zero, got zero; e.g. every(Duration.ofMinutes(5), \"name\", …)",
                assertThrows(IllegalArgumentException.class, () -> new Every(Duration.ZERO)).getMessage());
    }
}
