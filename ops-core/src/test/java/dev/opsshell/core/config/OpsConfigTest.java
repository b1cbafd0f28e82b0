package dev.opsshell.core.config;

import dev.opsshell.core.text.Durations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OpsConfigTest {
    private static final String HOW = "write it as 500ms, 30s, 5m or 2h, or in days (2d) or weeks (2w)";
    @TempDir
    Path home;

    private Path write(String text) throws Exception {
        Path file = OpsConfig.defaultFile(home);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    @Test
    void theEnvironmentComesFirstThenTheFileThenTheDefault() throws Exception {
        Path file = write("# ops\nmetrics.retention = 7d\n");
        assertEquals(Duration.ofHours(36), OpsConfig.of(Map.of("OPS_METRICS_RETENTION", "36h"), home)
                .get("metrics.retention", "OPS_METRICS_RETENTION", Durations::positive, Duration.ofDays(14)));
        assertEquals(Duration.ofDays(7), OpsConfig.of(Map.of(), home)
                .get("metrics.retention", "OPS_METRICS_RETENTION", Durations::positive, Duration.ofDays(14)));
        assertEquals(Duration.ofDays(14), OpsConfig.of(Map.of(), home)
                .get("history.retention", "OPS_HISTORY_RETENTION", Durations::positive, Duration.ofDays(14)));
        assertEquals(new Setting("metrics.retention", "7d", file + " (metrics.retention=)"),
                OpsConfig.of(Map.of(), home).find("metrics.retention", null).orElseThrow());
        assertEquals("OPS_METRICS_RETENTION", OpsConfig.of(Map.of("OPS_METRICS_RETENTION", "1d"), home)
                .find("metrics.retention", "OPS_METRICS_RETENTION").orElseThrow().from());
    }

    @Test
    void aValueReadAsNullIsKeptNotReplacedByTheDefault() throws Exception {
        write("history.retention=forever\n");
        assertEquals(null, OpsConfig.of(Map.of(), home).get("history.retention", null, v -> null, Duration.ofDays(90)));
    }

    @Test
    void blankValuesCountAsUnsetAndAMissingFileAsEmpty() throws Exception {
        assertEquals(Optional.empty(), OpsConfig.of(Map.of("OPS_STORE", "x"), home).find("store", null), "no file, no variable");
        write("store=   \n");
        assertEquals(Optional.empty(), OpsConfig.of(Map.of("OPS_STORE", "  "), home).find("store", "OPS_STORE"));
    }

    @Test
    void aValueThatDoesNotReadNamesTheFileTheKeyAndWhatToWrite() throws Exception {
        Path file = write("metrics.retention=two weeks\n");
        ConfigException e = assertThrows(ConfigException.class, () -> OpsConfig.of(Map.of(), home)
                .get("metrics.retention", "OPS_METRICS_RETENTION", Durations::positive, Duration.ofDays(14)));
        assertEquals(file + " (metrics.retention=): 'two weeks' is not a duration; " + HOW, e.getMessage());
        ConfigException fromEnv = assertThrows(ConfigException.class, () -> OpsConfig.of(Map.of("OPS_METRICS_RETENTION", "-1d"), home)
                .get("metrics.retention", "OPS_METRICS_RETENTION", Durations::positive, Duration.ofDays(14)));
        assertEquals("OPS_METRICS_RETENTION: '-1d' is not a duration; " + HOW, fromEnv.getMessage());
    }

    @Test
    void anUnreadableFileIsOneErrorNamingIt() throws Exception {
        Path file = write("bad=\\u12\n");
        ConfigException malformed = assertThrows(ConfigException.class, () -> OpsConfig.of(Map.of(), home).find("store", null));
        assertTrue(malformed.getMessage().startsWith("cannot read " + file + ": "), malformed.getMessage());
        assertTrue(malformed.getMessage().endsWith("; fix or remove the file"), malformed.getMessage());
        Files.write(file, new byte[] {'s', '=', (byte) 0xff, '\n'});
        assertThrows(ConfigException.class, () -> OpsConfig.of(Map.of(), home).startingWith("notify."), "not UTF-8");
    }

    @Test
    void theFileIsReadOnlyWhenASettingNeedsItSoTheEnvironmentWorksBesideABrokenOne() throws Exception {
        Path file = write("");
        Files.write(file, new byte[] {'s', 't', 'o', 'r', 'e', '=', (byte) 0xff, '\n'}); // not UTF-8: cannot be read
        OpsConfig config = OpsConfig.of(Map.of("OPS_STORE", "/env.db"), home);
        assertEquals("/env.db", config.find("store", "OPS_STORE").orElseThrow().value());
        ConfigException e = assertThrows(ConfigException.class, () -> config.find("history", "OPS_HISTORY"));
        assertTrue(e.getMessage().startsWith("cannot read " + file), e.getMessage());
    }

    @Test
    void keysWithAPrefixComeInKeyOrder() throws Exception {
        write("notify.timeout=5s\nstore=x\nnotify.agents=off\n");
        assertEquals(Map.of("notify.agents", "off", "notify.timeout", "5s"), OpsConfig.of(Map.of(), home).startingWith("notify."));
        assertEquals("[notify.agents, notify.timeout]", OpsConfig.of(Map.of(), home).startingWith("notify.").keySet().toString());
    }

    @Test
    void aSettingNeverPrintsItsValue() {
        Setting token = new Setting("digitalocean.token", "dop_v1_secret", "DIGITALOCEAN_ACCESS_TOKEN");
        assertFalse(token.toString().contains("secret"), token.toString());
    }
}
