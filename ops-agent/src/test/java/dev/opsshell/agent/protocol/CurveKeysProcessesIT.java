package dev.opsshell.agent.protocol;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code ops keys hub} while {@code ops hub} is still creating the hub's keypair: processes that
 * create the same keypair at once all end with one keypair, none fails.
 */
class CurveKeysProcessesIT {
    @TempDir
    Path tmp;

    @Test
    void processesCreatingTheSameKeypairAtOnceAllEndWithIt() throws Exception {
        List<String> dirs = new ArrayList<>();
        for (int i = 0; i < 30; i++) dirs.add(tmp.resolve("hub" + i).toString());
        Path go = tmp.resolve("go");
        List<Process> processes = new ArrayList<>();
        List<BufferedReader> outputs = new ArrayList<>();
        try {
            for (int p = 0; p < 4; p++) {
                List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp", System.getProperty("java.class.path"), KeyCreator.class.getName(), go.toString(), "hub"));
                cmd.addAll(dirs);
                Process process = new ProcessBuilder(cmd).redirectErrorStream(true).start();
                processes.add(process);
                outputs.add(new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)));
            }
            for (BufferedReader out : outputs) assertEquals("ready", out.readLine());
            Files.createFile(go);
            Map<String, String> keyByDir = new HashMap<>();
            for (BufferedReader out : outputs) {
                for (String line; (line = out.readLine()) != null; ) {
                    String[] f = line.split(" ", 2);
                    assertTrue(!f[1].startsWith("error"), line);
                    String before = keyByDir.putIfAbsent(f[0], f[1]);
                    if (before != null) assertEquals(before, f[1], "two keys for " + f[0]);
                }
            }
            assertEquals(dirs.size(), keyByDir.size());
            for (String dir : dirs) assertEquals(keyByDir.get(dir), CurveKeys.loadOrCreate(Path.of(dir), "hub").publicKey());
            for (Process p : processes) assertTrue(p.waitFor(60, TimeUnit.SECONDS), "a key creator did not finish");
        } finally {
            processes.forEach(Process::destroyForcibly);
        }
    }
}
