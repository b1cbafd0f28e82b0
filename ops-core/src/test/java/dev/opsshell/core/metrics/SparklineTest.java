package dev.opsshell.core.metrics;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SparklineTest {
    static final Instant T0 = Instant.parse("2026-12-02T03:00:00Z");

    static Sample at(String host, String field, int second, double v) {
        return new Sample(host, "cpu", field, "", v, T0.plusSeconds(second));
    }

    @Test
    void eachSampleIsAColumnScaledBetweenMinAndMaxWithAGapWhereNoneCame() {
        List<Sample> s = new ArrayList<>();
        double[] values = {0, 10, 20, 30, 40, 50, 60, 70};
        for (int i = 0; i < values.length; i++) if (i != 3) s.add(at("a", "idle", i * 5, values[i]));
        String line = Sparkline.render(s, T0, T0.plusSeconds(35), Duration.ofSeconds(5), 60);
        assertEquals("▁▂▃ ▅▆▇█", line);
    }

    @Test
    void aLongSeriesIsBoundedByTheWidthEachColumnTheMeanOfItsSamples() {
        List<Sample> s = new ArrayList<>();
        for (int i = 0; i < 720; i++) s.add(at("a", "idle", i * 5, i < 360 ? 0 : 100));
        String line = Sparkline.render(s, T0, T0.plusSeconds(719 * 5), Duration.ofSeconds(5), 40);
        assertEquals(40, line.length());
        assertEquals("▁".repeat(20) + "█".repeat(20), line);
    }

    @Test
    void samplesTakenAtAJitteryPeriodEachGetAColumn() {
        // a round every 5 s that lands 300 ms late every other time, as a loaded machine does: ten
        // samples are ten columns, not nine with two of them averaged together
        List<Sample> s = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            s.add(new Sample("a", "cpu", "idle", "", i * 10, T0.plusMillis(i * 5000L + (i % 2 == 1 ? 300 : 0))));
        }
        Instant last = s.get(s.size() - 1).at();
        String line = Sparkline.render(s, T0, last, Sparkline.step(s), 60);
        assertEquals(10, line.length(), line);
        assertEquals("▁▂▃▃▄▅▆▆▇█", line, "each value (0, 10 … 90) its own block, rising");
    }

    @Test
    void aFlatSeriesIsAllLowBlocks() {
        List<Sample> s = List.of(at("a", "idle", 0, 5), at("a", "idle", 5, 5), at("a", "idle", 10, 5));
        assertEquals("▁▁▁", Sparkline.render(s, T0, T0.plusSeconds(10), Duration.ofSeconds(5), 60));
        List<Sample> noise = List.of(at("a", "idle", 0, 28.31), at("a", "idle", 5, 28.30), at("a", "idle", 10, 28.30));
        assertEquals("▁▁▁", Sparkline.render(noise, T0, T0.plusSeconds(10), Duration.ofSeconds(5), 60),
                "a disk filling in its third decimal is flat, not a cliff");
    }

    @Test
    void sparkDrawsCpuBusyPerHostOnOneTimeRangeWithMinMaxAndLast() {
        List<Sample> s = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            s.add(at("web1", "idle", i * 5, 100 - i * 10));  // busy 0, 10, 20, 30
            s.add(at("web1", "user", i * 5, 1));
            if (i >= 2) s.add(at("web2", "idle", i * 5, 50));
        }
        String text = new Samples(s).spark().toString();
        List<String> lines = text.lines().toList();
        assertEquals("cpu/busy  2026-12-02 03:00:00Z → 2026-12-02 03:00:15Z", lines.get(0));
        assertEquals("  web1  ▁▃▆█  min 0.0%  max 30.0%  last 30.0%", lines.get(1));
        assertEquals("  web2    ▁▁  min 50.0%  max 50.0%  last 50.0%", lines.get(2), "web2 began later: a gap before");
        assertEquals(3, lines.size(), text);
        assertThrows(IllegalArgumentException.class, () -> new Samples(s).spark("idle", 0));
        assertTrue(new Samples(List.of()).spark().toString().contains("(no samples)"));
    }

    @Test
    void samplesOfOneOtherFieldAreDrawnAsThatField() {
        // metrics("cpu").field("user").spark(): no idle to draw busy from, so user is drawn (seen at the prompt)
        List<Sample> s = List.of(at("web1", "user", 0, 10), at("web1", "user", 5, 20));
        List<String> lines = new Samples(s).spark().toString().lines().toList();
        assertEquals("cpu/user  2026-12-02 03:00:00Z → 2026-12-02 03:00:05Z", lines.get(0));
        assertEquals("  web1  ▁█  min 10.0%  max 20.0%  last 20.0%", lines.get(1));
    }
}
