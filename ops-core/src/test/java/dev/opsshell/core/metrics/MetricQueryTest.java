package dev.opsshell.core.metrics;

import dev.opsshell.core.store.JdbcStore;
import dev.opsshell.core.store.StoreLocation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Questions typed at 3 a.m.: a field ops never samples is told, not answered with "(no samples)";
 * cpu's busy, which the sparkline draws and names, can be asked for; a window that looks back no
 * time is refused. Found walking {@code ops metrics cpu --field busy --spark}, which drew nothing.
 */
class MetricQueryTest {
    @TempDir
    Path dir;
    JdbcStore store;

    @BeforeEach
    void open() {
        store = JdbcStore.open(StoreLocation.sqlite(dir.resolve("ops.db")));
        Instant now = Instant.now();
        store.metrics().insert(List.of(
                new Sample("web1", "cpu", "idle", "", 30, now.minusSeconds(20)),
                new Sample("web1", "cpu", "user", "", 50, now.minusSeconds(20)),
                new Sample("web1", "cpu", "idle", "", 40, now.minusSeconds(10))));
    }

    @AfterEach
    void close() {
        store.close();
    }

    MetricQuery cpu() {
        return new MetricQuery(store::metrics, SampleFilter.metric("cpu"));
    }

    @Test
    void aMetricNameInCapitalsReadsTheStoredSamples() {
        MetricQuery upper = new MetricQuery(store::metrics, SampleFilter.metric(" CPU"));
        assertEquals("cpu", upper.filter().metric());
        assertEquals(cpu().field("busy").last(Duration.ofHours(1)).list(), upper.field("busy").last(Duration.ofHours(1)).list());
        assertEquals(2, upper.field("busy").last(Duration.ofHours(1)).list().size());
    }

    @Test
    void cpuBusyIsReadAsAHundredLessIdle() {
        Samples busy = cpu().field("busy").last(Duration.ofHours(1));
        assertEquals(List.of(70.0, 60.0), busy.list().stream().map(Sample::value).toList());
        assertTrue(busy.list().stream().allMatch(s -> s.field().equals("busy")), busy.toString());
        assertEquals(List.of(60.0), cpu().field("busy").latest().list().stream().map(Sample::value).toList());
        String spark = cpu().field("busy").spark().toString();
        assertTrue(spark.startsWith("cpu/busy ") && spark.contains("  web1  █▁  min 60.0%  max 70.0%  last 60.0%"), spark);
    }

    @Test
    void aFieldOpsNeverSamplesIsToldWithTheFieldsItHas() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> cpu().field("usr"));
        assertEquals("cpu has no field 'usr'; its fields are user, system, iowait, steal, idle, cores, and busy (100 less idle)",
                e.getMessage());
        IllegalArgumentException disk = assertThrows(IllegalArgumentException.class,
                () -> new MetricQuery(store::metrics, SampleFilter.metric("disk")).field("used"));
        assertEquals("disk has no field 'used'; its fields are size_bytes, used_bytes, free_bytes, used_pct", disk.getMessage());
    }

    @Test
    void aWindowThatLooksBackNoTimeIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> cpu().last(Duration.ofHours(-1)));
        assertTrue(e.getMessage().contains("give a positive duration: last(Duration.ofHours(1))"), e.getMessage());
    }
}
