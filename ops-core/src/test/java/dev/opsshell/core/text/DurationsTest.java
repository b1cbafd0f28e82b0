package dev.opsshell.core.text;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.temporal.ChronoUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DurationsTest {
    private static final String HOW = "write it as 500ms, 30s, 5m or 2h, or in days (2d) or weeks (2w)";

    @Test
    void readsEveryUnit() {
        assertEquals(Duration.ofMillis(500), Durations.parse("500ms"));
        assertEquals(Duration.ofSeconds(30), Durations.parse("30s"));
        assertEquals(Duration.ofMinutes(5), Durations.parse("5m"));
        assertEquals(Duration.ofHours(2), Durations.parse("2h"));
        assertEquals(Duration.ofDays(2), Durations.parse("2d"));
        assertEquals(Duration.ofDays(14), Durations.parse("2w"));
        assertEquals(Duration.ZERO, Durations.parse("0s"), "zero is the caller's to allow or refuse");
    }

    @Test
    void caseAndSpacesAroundThePartsDoNotMatter() {
        assertEquals(Duration.ofHours(2), Durations.parse("2H"));
        assertEquals(Duration.ofMillis(250), Durations.parse(" 250MS\t"));
        assertEquals(Duration.ofMinutes(30), Durations.parse("30 m"));
        assertEquals(Duration.ofMinutes(90), Durations.parse("1h 30m"));
    }

    @Test
    void readsSeveralUnitsLargestFirstAsWordsPrintsThem() {
        assertEquals(Duration.ofMinutes(90), Durations.parse("1h30m"));
        assertEquals(Duration.ofDays(1).plusHours(2).plusMillis(5), Durations.parse("1d2h5ms"));
        for (Duration d : new Duration[] {Duration.ofMillis(250), Duration.ofSeconds(30), Duration.ofMinutes(90),
                Duration.ofDays(3).plusSeconds(1), Duration.ofSeconds(61).plusMillis(500), Duration.ZERO}) {
            assertEquals(d, Durations.parse(Durations.words(d)), Durations.words(d));
        }
    }

    @Test
    void printsShortWords() {
        assertEquals("250ms", Durations.words(Duration.ofMillis(250)));
        assertEquals("0ms", Durations.words(Duration.ZERO));
        assertEquals("30s", Durations.words(Duration.ofSeconds(30)));
        assertEquals("1h30m", Durations.words(Duration.ofMinutes(90)));
        assertEquals("2d", Durations.words(Duration.ofDays(2)));
        assertEquals("1m1s500ms", Durations.words(Duration.ofMillis(61_500)));
        assertThrows(IllegalArgumentException.class, () -> Durations.words(Duration.ofSeconds(-1)));
    }

    @Test
    void aLimitInASentenceIsInSecondsWhenWhole() {
        assertEquals("2 s", Durations.spoken(Duration.ofSeconds(2)));
        assertEquals("1500 ms", Durations.spoken(Duration.ofMillis(1500)));
        assertEquals("0 s", Durations.spoken(Duration.ZERO));
    }

    @Test
    void aBareNumberIsReadOnlyWhenTheCallerGivesItsUnit() {
        assertEquals(Duration.ofSeconds(45), Durations.parse("45", ChronoUnit.SECONDS));
        assertEquals(Duration.ZERO, Durations.parse(" 0 ", ChronoUnit.SECONDS));
        assertEquals(Duration.ofMinutes(5), Durations.parse("5m", ChronoUnit.SECONDS));
        assertEquals("'45' is not a duration; " + HOW, bad("45"));
    }

    @Test
    void everythingElseIsRefusedWithOneMessageSayingHowToWriteIt() {
        assertEquals("'soon' is not a duration; " + HOW, bad("soon"));
        for (String nonsense : new String[] {"5 minutes", "1.5h", "5", "m", "5x", "5m5m", "30m1h", "1h30", "2h-", "PT5M"}) {
            assertEquals("'" + nonsense + "' is not a duration; " + HOW, bad(nonsense));
        }
    }

    @Test
    void negativeEmptyAndBlankAreRefused() {
        assertEquals("'-3s' is not a duration; " + HOW, bad("-3s"));
        assertEquals("'+3s' is not a duration; " + HOW, bad("+3s"));
        assertEquals("'' is not a duration; " + HOW, bad(""));
        assertEquals("'  ' is not a duration; " + HOW, bad("  "));
        assertEquals("'' is not a duration; " + HOW, bad(null));
        assertEquals("'' is not a duration; " + HOW,
                assertThrows(IllegalArgumentException.class, () -> Durations.parse("", ChronoUnit.SECONDS)).getMessage());
    }

    @Test
    void overflowIsRefusedRatherThanWrappedOrThrownAsArithmetic() {
        String tooLong = " is longer than a duration can be (about 292 million years); " + HOW;
        assertEquals("'99999999999999999999s'" + tooLong, bad("99999999999999999999s"), "digits beyond a long");
        assertEquals("'9223372036854775807w'" + tooLong, bad("9223372036854775807w"), "weeks beyond a Duration");
        assertEquals("'106751991168d'" + tooLong, bad("106751991168d"), "milliseconds beyond a long");
        assertEquals("'99999999999999999999'" + tooLong,
                assertThrows(IllegalArgumentException.class, () -> Durations.parse("99999999999999999999", ChronoUnit.SECONDS)).getMessage());
        assertEquals(Duration.ofDays(106751991167L), Durations.parse("106751991167d"), "the longest whole number of days");
    }

    @Test
    void positiveRefusesZeroWithTheSameAdvice() {
        assertEquals(Duration.ofSeconds(10), Durations.positive("10s"));
        assertEquals("'0s' is no time at all; " + HOW,
                assertThrows(IllegalArgumentException.class, () -> Durations.positive("0s")).getMessage());
        assertEquals("'ten' is not a duration; " + HOW,
                assertThrows(IllegalArgumentException.class, () -> Durations.positive("ten")).getMessage());
    }

    private static String bad(String text) {
        return assertThrows(IllegalArgumentException.class, () -> Durations.parse(text), text).getMessage();
    }
}
