package dev.opsshell.core.metrics;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Rates and cpu shares across rounds: computed from counter differences over the host's own interval. */
class SampleMakerTest {
    static Reading reading(double uptime, Reading.CpuTimes cpu, long rx, long tx, long readSectors, long writtenSectors, long busyMs) {
        return new Reading(uptime, 4, cpu, null, null, null,
                Map.of("sda", new Reading.DiskCounters(100, readSectors, 50, writtenSectors, busyMs)),
                Map.of("eth0", new Reading.NetCounters(rx, 10, tx, 20)), null, List.of());
    }

    static Map<String, Double> values(SampleMaker.Made made, String metric) {
        return made.samples().stream().filter(s -> s.metric().equals(metric)).collect(Collectors.toMap(Sample::field, Sample::value));
    }

    @Test
    void ratesAreTheCounterDifferencesOverTheHostsInterval() {
        Reading a = reading(100, new Reading.CpuTimes(100, 0, 50, 800, 50, 0, 0, 0), 1_000, 5_000, 0, 0, 0);
        Reading b = reading(105, new Reading.CpuTimes(400, 100, 150, 1200, 50, 50, 50, 0), 11_000, 5_500, 2_048, 4_096, 2_500);
        SampleMaker.Made made = SampleMaker.make("h", Set.of(Family.CPU, Family.NET, Family.DISKIO), a, b, Instant.EPOCH);
        assertEquals(List.of(), made.problems());
        Map<String, Double> net = values(made, "net");
        assertEquals(2_000.0, net.get("rx_bytes_per_s"), 1e-9);
        assertEquals(100.0, net.get("tx_bytes_per_s"), 1e-9);
        Map<String, Double> io = values(made, "diskio");
        assertEquals(2_048 * 512 / 5.0, io.get("read_bytes_per_s"), 1e-9);
        assertEquals(4_096 * 512 / 5.0, io.get("write_bytes_per_s"), 1e-9);
        assertEquals(50.0, io.get("busy_pct"), 1e-9);
        Map<String, Double> cpu = values(made, "cpu");
        // deltas: user 300+100 nice, system 100+50+50, idle 400, iowait 0: total 1000
        assertEquals(40.0, cpu.get("user"), 1e-9);
        assertEquals(20.0, cpu.get("system"), 1e-9);
        assertEquals(40.0, cpu.get("idle"), 1e-9);
        assertEquals(4.0, cpu.get("cores"));
    }

    @Test
    void aRebootBetweenRoundsGivesNoRatesRatherThanWrongOnes() {
        Reading a = reading(10_000, new Reading.CpuTimes(9_000, 0, 0, 9_000, 0, 0, 0, 0), 1_000_000, 0, 0, 0, 0);
        Reading b = reading(30, new Reading.CpuTimes(10, 0, 0, 20, 0, 0, 0, 0), 100, 0, 0, 0, 0);
        SampleMaker.Made made = SampleMaker.make("h", Set.of(Family.CPU, Family.NET), a, b, Instant.EPOCH);
        assertTrue(values(made, "net").isEmpty());
        assertEquals(Set.of("cores"), values(made, "cpu").keySet());
        assertTrue(made.problems().contains("rebooted since the last reading: rates and cpu from the next round on"), made.problems().toString());
    }

    @Test
    void anInterfaceWhoseCountersWentBackIsSkippedForThatRound() {
        Reading a = reading(100, new Reading.CpuTimes(1, 0, 0, 1, 0, 0, 0, 0), 5_000, 5_000, 0, 0, 0);
        Reading b = reading(101, new Reading.CpuTimes(2, 0, 0, 2, 0, 0, 0, 0), 100, 100, 0, 0, 0);
        SampleMaker.Made made = SampleMaker.make("h", Set.of(Family.NET), a, b, Instant.EPOCH);
        assertTrue(values(made, "net").isEmpty(), made.samples().toString());
    }
}
