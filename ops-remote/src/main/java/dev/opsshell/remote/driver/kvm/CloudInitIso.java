package dev.opsshell.remote.driver.kvm;

import dev.opsshell.core.driver.DriverException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The NoCloud seed: an ISO 9660 image labelled {@code cidata} holding {@code user-data} and
 * {@code meta-data}, made by {@code genisoimage} (Debian package genisoimage), which is checked for
 * first with an error that says how to install it.
 */
final class CloudInitIso {
    static final String GENISOIMAGE = "genisoimage";
    private final String program;

    CloudInitIso() {
        this(GENISOIMAGE);
    }

    /** With another program name or path, for tests of the missing-program error. */
    CloudInitIso(String program) {
        this.program = program;
    }

    byte[] build(CloudInit data) {
        Path exe = onPath(program);
        if (exe == null) {
            throw new DriverException("writing cloud-init data failed: " + program + " is not installed (it makes the"
                    + " cidata ISO): apt-get install -y genisoimage");
        }
        Path dir = null;
        try {
            dir = Files.createTempDirectory("ops-cidata");
            Files.writeString(dir.resolve("user-data"), data.userData());
            Files.writeString(dir.resolve("meta-data"), data.metaData());
            Path iso = dir.resolve("cidata.iso");
            Process p = new ProcessBuilder(exe.toString(), "-quiet", "-output", iso.toString(), "-volid", "cidata",
                    "-joliet", "-rock", "user-data", "meta-data").directory(dir.toFile()).redirectErrorStream(true).start();
            p.getOutputStream().close();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new DriverException("writing cloud-init data failed: " + program + " did not make the ISO: " + output);
            }
            return Files.readAllBytes(iso);
        } catch (IOException e) {
            throw new DriverException("writing cloud-init data failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DriverException("writing cloud-init data: interrupted", e);
        } finally {
            if (dir != null) deleteTree(dir);
        }
    }

    private static Path onPath(String name) {
        if (name.contains("/")) return Files.isExecutable(Path.of(name)) ? Path.of(name) : null;
        String path = System.getenv().getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin");
        for (String d : path.split(":")) {
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, name))) return Path.of(d, name);
        }
        return null;
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(f);
        } catch (IOException e) {
            dir.toFile().deleteOnExit(); // a temporary folder left is no reason to fail a create; try again at exit
        }
    }
}
