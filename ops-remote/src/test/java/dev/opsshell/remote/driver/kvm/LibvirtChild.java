package dev.opsshell.remote.driver.kvm;

import dev.opsshell.core.driver.DriverException;
import dev.opsshell.core.driver.JobContext;
import dev.opsshell.core.system.DriverSection;
import dev.opsshell.core.system.Machine;
import dev.opsshell.core.system.MachineState;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A JVM of its own for what one process cannot observe of itself: what libvirt's C code writes to
 * file descriptor 2 (System.setErr does not see it), and a JVM where JNA cannot find libvirt.
 * {@code main} connects to the test hypervisor, makes calls that fail, and prints each error's
 * message on stdout.
 */
final class LibvirtChild {
    record Output(int exit, String stdout, String stderr) {
    }

    public static void main(String[] args) {
        try (KvmDriver kvm = KvmDriver.connect("test:///default")) {
            Machine absent = new Machine("qq0absent0", "nowhere", null, null, null, 1, 512, List.of(), null, null,
                    null, MachineState.NEW, DriverSection.of("kvm", Map.of()), null, null, null);
            for (Runnable failing : List.<Runnable>of(() -> kvm.start(absent, JobContext.none()),
                    () -> kvm.reboot(absent, JobContext.none()),
                    () -> kvm.status(absent.withRef("no-such-domain")))) {
                try {
                    failing.run();
                } catch (DriverException e) {
                    System.out.println("error: " + e.getMessage());
                }
            }
        } catch (DriverException e) {
            System.out.println("error: " + e.getMessage());
        }
        for (String uri : List.of("bogus:///nowhere", "test:///no/such/hypervisor.xml")) {
            try {
                KvmDriver.connect(uri); // libvirt refuses either, with or without a libvirtd running
            } catch (DriverException e) {
                System.out.println("error: " + e.getMessage());
            }
        }
        System.out.println("done");
    }

    /** Runs {@link #main} in a new JVM with {@code jvmOptions}; stdout and stderr kept apart. */
    static Output run(String... jvmOptions) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
        cmd.addAll(List.of(jvmOptions));
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), LibvirtChild.class.getName()));
        File err = File.createTempFile("libvirt-child", ".err");
        try {
            Process p = new ProcessBuilder(cmd).redirectError(err).start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("the child JVM did not end within 60 s; stdout so far: " + out);
            }
            return new Output(p.exitValue(), out, java.nio.file.Files.readString(err.toPath()));
        } finally {
            java.nio.file.Files.deleteIfExists(err.toPath());
        }
    }
}
