package dev.opsshell.remote.driver.kvm;

import dev.opsshell.core.testing.Await;
import dev.opsshell.core.testing.Requirements;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code scripts/lab/guest image} builds once and caches, and never uses a half-built image: run
 * against a stand-in {@code debootstrap} first on the PATH (it writes a tiny tree with a kernel and
 * an initrd, or fails, or hangs until killed), so each case takes seconds, not a Debian download.
 * The rest is the script's real work: its own scratch folder, {@code mkfs.ext4 -d}, the stamp.
 */
class GuestLabImageIT {
    private static final String STUB = """
            #!/bin/bash
            # a stand-in for debootstrap: ARGS... SUITE DIR MIRROR
            echo "$*" >> "$STUB_LOG"
            dir=${@: -2:1}
            mkdir -p "$dir"
            if [[ -n ${STUB_HANG:-} ]]; then touch "$STUB_HANG"; exec sleep 600; fi
            if [[ -n ${STUB_FAIL:-} ]]; then echo "E: Couldn't download packages (stub)" >&2; exit 1; fi
            mkdir -p "$dir"/{boot,etc/cloud/cloud.cfg.d,etc/systemd/system,etc/ssh,var/lib/dbus,var/cache/apt/archives,var/lib/apt/lists}
            echo kernel > "$dir/boot/vmlinuz-6.1.0-test"; echo initrd > "$dir/boot/initrd.img-6.1.0-test"
            ln -s boot/vmlinuz-6.1.0-test "$dir/vmlinuz"; ln -s boot/initrd.img-6.1.0-test "$dir/initrd.img"
            echo chroot-host-key > "$dir/etc/ssh/ssh_host_ed25519_key"; echo 0123456789abcdef > "$dir/etc/machine-id"
            """;

    @TempDir
    Path tmp;

    private Path script;
    private Path cache;
    private Path log;

    @BeforeEach
    void stub() throws IOException {
        Requirements.require(Requirements.isRoot(), "scripts/lab/guest image needs root; run ./scripts/test as root");
        for (String p : List.of("mkfs.ext4", "debugfs", "setsid")) {
            Requirements.require(Requirements.onPath(p), p + " is missing: apt-get install -y e2fsprogs util-linux");
        }
        script = findScript();
        cache = tmp.resolve("cache");
        log = tmp.resolve("debootstrap.calls");
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Files.writeString(bin.resolve("debootstrap"), STUB);
        Files.setPosixFilePermissions(bin.resolve("debootstrap"), PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @Test
    void theImageIsBuiltOnceWithoutTheChrootsHostKeysAndThenTakenFromTheCache() throws Exception {
        Run first = image(Map.of());
        assertEquals(0, first.exit, first.output);
        assertEquals(1, calls());
        assertEquals("kernel\n", Files.readString(cache.resolve("vmlinuz")));
        assertEquals("initrd\n", Files.readString(cache.resolve("initrd.img")));
        assertTrue(Files.exists(cache.resolve("image.ok")));
        assertEquals("", debugfs("cat /etc/machine-id"), "each guest makes its own machine-id");
        assertFalse(debugfs("ls -l /etc/ssh").contains("ssh_host_"), "every guest would share the chroot's host keys");

        Run second = image(Map.of());
        assertEquals(0, second.exit, second.output);
        assertTrue(second.output.contains("image cached"), second.output);
        assertEquals(1, calls(), "a cached image is not built again");
    }

    @Test
    void aBuildKilledHalfWayIsBuiltAgainNeverUsed() throws Exception {
        assertEquals(0, image(Map.of()).exit);
        Files.delete(cache.resolve("image.ok")); // as if the recipe changed: the next call builds again
        Path hanging = tmp.resolve("hanging");
        Process killed = start(Map.of("STUB_HANG", hanging.toString()));
        Await.until(Duration.ofSeconds(60), "the build to reach debootstrap", () -> Files.exists(hanging));
        kill(killed);
        assertFalse(Files.exists(cache.resolve("image.ok")));
        assertFalse(Files.exists(cache.resolve("base.raw")), "no image of the old recipe is left to be taken");

        Run next = image(Map.of());
        assertEquals(0, next.exit, next.output);
        assertEquals(3, calls(), "the half-built image was built again: " + next.output);
        assertEquals("kernel\n", Files.readString(cache.resolve("vmlinuz")));
        try (var left = Files.list(cache)) {
            assertEquals(List.of(), left.filter(p -> p.getFileName().toString().startsWith("build.")).toList(),
                    "the killed run's scratch folder is gone");
        }
    }

    @Test
    void aFailedBuildLeavesNoImageAndSaysWhy() throws Exception {
        assertEquals(0, image(Map.of()).exit);
        Files.delete(cache.resolve("image.ok")); // as if the recipe changed: the next call builds again

        Run failed = image(Map.of("STUB_FAIL", "1"));
        assertNotEquals(0, failed.exit);
        assertTrue(failed.output.contains("debootstrap failed") && failed.output.contains("Couldn't download packages"),
                failed.output);
        assertFalse(Files.exists(cache.resolve("image.ok")));
        assertFalse(Files.exists(cache.resolve("base.raw")), "the old image is not left to be taken for the new one");
    }

    private record Run(int exit, String output) {
    }

    private Run image(Map<String, String> env) throws Exception {
        Process p = start(env);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            kill(p);
            throw new AssertionError("scripts/lab/guest image did not finish in 120 s");
        }
        return new Run(p.exitValue(), Files.readString(tmp.resolve("image.out")));
    }

    /** In a session of its own, so the whole build (script and stub) can be killed as a killed test run would be. */
    private Process start(Map<String, String> env) throws IOException {
        ProcessBuilder pb = new ProcessBuilder("setsid", script.toString(), "image", cache.toString())
                .redirectErrorStream(true).redirectOutput(tmp.resolve("image.out").toFile());
        Map<String, String> e = new HashMap<>(env);
        e.put("PATH", tmp.resolve("bin") + ":" + System.getenv().getOrDefault("PATH", "/usr/sbin:/usr/bin:/sbin:/bin"));
        e.put("STUB_LOG", log.toString());
        e.put("OPS_GUEST_MIRROR", "http://mirror.invalid/debian");
        pb.environment().putAll(e);
        return pb.start();
    }

    private static void kill(Process p) throws Exception {
        new ProcessBuilder("kill", "-KILL", "--", "-" + p.pid()).start().waitFor();
        p.waitFor(30, TimeUnit.SECONDS);
    }

    private long calls() throws IOException {
        return Files.exists(log) ? Files.readAllLines(log).size() : 0;
    }

    private String debugfs(String request) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("debugfs", "-R", request, cache.resolve("base.raw").toString()));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), String.join(" ", cmd));
        return out;
    }

    private static Path findScript() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path s = p.resolve("scripts/lab/guest");
            if (Files.isExecutable(s)) return s;
        }
        throw new IllegalStateException("scripts/lab/guest not found above " + Path.of("").toAbsolutePath());
    }
}
