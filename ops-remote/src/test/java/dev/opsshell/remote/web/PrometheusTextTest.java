package dev.opsshell.remote.web;

import dev.opsshell.core.metrics.Sample;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PrometheusTextTest {
    static final Instant T = Instant.parse("2026-12-01T10:00:00Z");

    static Sample s(String host, String metric, String field, String label, double v, int at) {
        return new Sample(host, metric, field, label, v, T.plusSeconds(at));
    }

    @Test
    void samplesAreGaugesNamedByMetricFieldAndUnitWithHostAndWhatTheyAreAboutAsLabels() {
        String text = PrometheusText.of(List.of(
                s("web1", "cpu", "user", "", 12.5, 0),
                s("web1", "disk", "used_pct", "/var", 71, 0),
                s("web2", "net", "rx_bytes_per_s", "eth0", 2048, 0),
                s("web2", "diskio", "read_bytes_per_s", "sda", 10, 0),
                s("web1", "load", "1m", "", 0.25, 0),
                s("web1", "memory", "available_bytes", "", 1e9, 0)));
        assertTrue(text.contains("# HELP ops_cpu_user_percent ops: cpu user (percent), the newest sample of each host\n"
                + "# TYPE ops_cpu_user_percent gauge\nops_cpu_user_percent{host=\"web1\"} 12.5\n"), text);
        assertTrue(text.contains("ops_disk_used_percent{host=\"web1\",mount=\"/var\"} 71.0\n"), text);
        assertTrue(text.contains("ops_net_rx_bytes_per_second{host=\"web2\",interface=\"eth0\"} 2048.0\n"), text);
        assertTrue(text.contains("ops_diskio_read_bytes_per_second{device=\"sda\",host=\"web2\"} 10.0\n"), text);
        assertTrue(text.contains("ops_load_1m{host=\"web1\"} 0.25\n"), text);
        assertTrue(text.contains("ops_memory_available_bytes{host=\"web1\"} 1.0E9\n"), text);
        String time = text.lines().filter(l -> l.startsWith("ops_last_sample_timestamp_seconds{host=\"web2\"} ")).findFirst().orElseThrow();
        assertEquals(T.getEpochSecond(), Double.parseDouble(time.substring(time.indexOf("} ") + 2)), 0.001, text);
    }

    /**
     * Every field the samplers make from a recorded round (a VM's /proc, every family), not only the
     * ones listed below: a field added later gets a checked name too, its unit spelled out, and no
     * two fields share a name.
     */
    @Test
    void everyFieldMadeFromARecordedRoundHasADistinctNameThatSpellsItsUnit() throws Exception {
        String round;
        try (var in = dev.opsshell.core.metrics.Family.class.getResourceAsStream("first-round-vm.txt")) {
            round = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        var readings = dev.opsshell.core.metrics.ProcParser.parse(round);
        List<Sample> made = dev.opsshell.core.metrics.SampleMaker.make("vm", dev.opsshell.core.metrics.Family.all(),
                readings.get(0), readings.get(1), T).samples();
        java.util.Set<String> fields = new java.util.TreeSet<>();
        made.forEach(x -> fields.add(x.metric() + "/" + x.field()));
        assertEquals(dev.opsshell.core.metrics.Family.all().size(), fields.stream().map(f -> f.split("/")[0]).distinct().count(),
                "the recorded round gives every family: " + fields);
        java.util.Map<String, String> byName = new java.util.HashMap<>();
        for (String key : fields) {
            String[] mf = key.split("/");
            String name = MetricNames.of(mf[0], mf[1]);
            assertTrue(name.matches("ops_" + mf[0] + "_[a-z0-9_]+"), key + " -> " + name);
            if (mf[1].endsWith("_pct")) assertTrue(name.endsWith("_percent"), key + " -> " + name);
            if (mf[1].endsWith("_per_s")) assertTrue(name.endsWith("_per_second"), key + " -> " + name);
            if (mf[1].endsWith("_bytes")) assertTrue(name.endsWith("_bytes"), key + " -> " + name);
            String other = byName.put(name, key);
            assertEquals(null, other, name + " is the name of both " + key + " and " + other);
        }
        String text = PrometheusText.of(made);
        fields.forEach(key -> assertTrue(text.lines().anyMatch(l -> l.startsWith(MetricNames.of(key.split("/")[0], key.split("/")[1]) + "{")
                && l.contains("host=\"vm\"")), key + " is exposed"));
    }

    @Test
    void everyFieldTheSamplersGiveHasAPrometheusNameWithItsUnit() {
        // the families and fields of docs/metrics.md (core.metrics.Family)
        java.util.Map<String, String> expected = new java.util.LinkedHashMap<>();
        for (String f : List.of("user", "system", "iowait", "steal", "idle")) expected.put("cpu/" + f, "ops_cpu_" + f + "_percent");
        expected.put("cpu/cores", "ops_cpu_cores");
        for (String f : List.of("1m", "5m", "15m", "cores")) expected.put("load/" + f, "ops_load_" + f);
        for (String f : List.of("total", "used", "available")) expected.put("memory/" + f + "_bytes", "ops_memory_" + f + "_bytes");
        expected.put("memory/used_pct", "ops_memory_used_percent");
        expected.put("swap/used_pct", "ops_swap_used_percent");
        for (String f : List.of("size", "used", "free")) expected.put("disk/" + f + "_bytes", "ops_disk_" + f + "_bytes");
        expected.put("disk/used_pct", "ops_disk_used_percent");
        expected.put("diskio/read_bytes_per_s", "ops_diskio_read_bytes_per_second");
        expected.put("diskio/reads_per_s", "ops_diskio_reads_per_second");
        expected.put("diskio/busy_pct", "ops_diskio_busy_percent");
        expected.put("net/tx_packets_per_s", "ops_net_tx_packets_per_second");
        expected.put("entropy/available", "ops_entropy_available");
        expected.forEach((key, name) -> {
            String[] mf = key.split("/");
            assertEquals(name, MetricNames.of(mf[0], mf[1]), key);
        });
    }

    @Test
    void onlyTheNewestSampleOfEachSeriesIsExposed() {
        String text = PrometheusText.of(List.of(s("web1", "load", "1m", "", 3, 10), s("web1", "load", "1m", "", 1, 0),
                s("web1", "load", "1m", "", 2, 5)));
        assertTrue(text.contains("ops_load_1m{host=\"web1\"} 3.0\n"), text);
        assertEquals(1, text.lines().filter(l -> l.startsWith("ops_load_1m{")).count(), text);
    }

    @Test
    void labelValuesAreEscapedAndNamesKeepToPrometheusCharacters() {
        String text = PrometheusText.of(List.of(s("we\"b\\1\n", "disk", "used-pct", "/mnt/a \"b\"", 1, 0),
                s("web1", "my.metric", "temp°C", "", 2, 0)));
        assertTrue(text.contains("ops_disk_used_pct{host=\"we\\\"b\\\\1\\n\",mount=\"/mnt/a \\\"b\\\"\"} 1.0\n"), text);
        assertTrue(text.contains("ops_my_metric_temp_C{host=\"web1\"} 2.0\n"), text);
        text.lines().filter(l -> !l.startsWith("#")).forEach(l ->
                assertTrue(l.matches("[a-zA-Z_][a-zA-Z0-9_]*\\{.*} \\S+"), "a sample line: " + l));
    }

    @Test
    void twoFieldsThatWouldShareANameAreToldApartAndNoneTakesOpsOwnName() {
        String text = PrometheusText.of(List.of(s("web1", "disk", "used_pct", "/", 1, 0), s("web1", "disk", "used__pct", "/", 2, 0),
                s("web1", "last", "sample_timestamp_seconds", "", 3, 0)));
        var names = PrometheusText.names(List.of(s("w", "disk", "used_pct", "", 0, 0), s("w", "disk", "used__pct", "", 0, 0)));
        assertNotEquals(names.get("disk/used_pct"), names.get("disk/used__pct"), names.toString());
        assertTrue(names.values().stream().allMatch(n -> n.matches("ops_disk_used_[0-9a-f]{6}_percent")), names.toString());
        assertEquals(1, text.lines().filter(l -> l.startsWith("ops_last_sample_timestamp_seconds{")).count(), text);
        assertTrue(text.lines().anyMatch(l -> l.matches("ops_last_sample_timestamp_[0-9a-f]{6}_seconds\\{host=\"web1\"} 3.0")), text);
    }

    @Test
    void noSamplesIsAnEmptyExposition() {
        assertEquals("", PrometheusText.of(List.of()));
        assertFalse(PrometheusText.CONTENT_TYPE.isEmpty());
    }
}
