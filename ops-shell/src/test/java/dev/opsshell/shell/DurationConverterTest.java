package dev.opsshell.shell;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DurationConverterTest {

    @Test
    void readsDurationsAsEverywhereAndABareNumberAsSeconds() {
        assertEquals(Duration.ofMillis(500), DurationConverter.parse("500ms"));
        assertEquals(Duration.ofSeconds(45), DurationConverter.parse("45"));
        assertEquals(Duration.ofDays(2), DurationConverter.parse("2d"), "ops metrics --last 2d, as its help says");
        assertEquals(Duration.ZERO, DurationConverter.parse("0"));
    }

    @Test
    void rejectsAnythingElseWithAHint() {
        assertThrows(CommandLine.TypeConversionException.class, () -> DurationConverter.parse("5 minutes"));
        assertThrows(CommandLine.TypeConversionException.class, () -> DurationConverter.parse("-3s"));
        assertEquals("'soon' is not a duration; write it as 500ms, 30s, 5m or 2h, or in days (2d) or weeks (2w)",
                assertThrows(CommandLine.TypeConversionException.class, () -> DurationConverter.parse("soon")).getMessage());
    }
}
