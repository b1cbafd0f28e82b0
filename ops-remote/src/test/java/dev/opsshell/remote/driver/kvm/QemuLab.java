package dev.opsshell.remote.driver.kvm;

import dev.opsshell.core.testing.Requirements;
import org.libvirt.Connect;
import org.libvirt.LibvirtException;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * libvirtd and virtlogd for a test on {@code qemu:///system}: used when they answer, else started
 * here (PID 1 is not systemd on these machines) with pid files under {@code target/qemu-lab}, and
 * then stopped by those pids on {@link #close()} — never a daemon this lab did not start. Holds the
 * real-guest lab's lock file while open ({@code OPS_GUEST_CACHE}/guest.lock, as scripts/lab/guest
 * and its tests do), so emulated guests of two tests never run side by side on two cores and one
 * test never stops the daemons under another.
 */
final class QemuLab implements AutoCloseable {
    static final String URI = "qemu:///system";
    private final Path dir = Path.of("target", "qemu-lab").toAbsolutePath();
    private final List<String> started = new ArrayList<>();
    private FileChannel lockFile;
    private FileLock lock;

    static QemuLab start() throws IOException {
        Requirements.require(Requirements.isRoot(), "libvirtd runs as root; run ./scripts/test as root");
        for (String p : List.of("qemu-system-x86_64", "qemu-img", "/usr/sbin/libvirtd", "/usr/sbin/virtlogd", "isoinfo")) {
            Requirements.require(Requirements.onPath(p), p + " is missing: apt-get install -y qemu-system-x86 qemu-utils"
                    + " libvirt-daemon-system libvirt-daemon-driver-qemu genisoimage");
        }
        QemuLab lab = new QemuLab();
        try {
            lab.open();
        } catch (IOException | RuntimeException e) {
            lab.close();
            throw e;
        }
        return lab;
    }

    private void open() throws IOException {
        String cache = System.getenv("OPS_GUEST_CACHE");
        Path lockPath = Path.of(cache == null || cache.isBlank() ? "/var/cache/ops-test/guest" : cache, "guest.lock");
        Files.createDirectories(lockPath.getParent());
        lockFile = FileChannel.open(lockPath, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        lock = lockFile.lock(); // waits for a real-guest test or benchmark on this machine to finish
        if (answers()) return;
        Files.createDirectories(dir);
        for (String daemon : List.of("virtlogd", "libvirtd")) {
            Path pid = dir.resolve(daemon + ".pid");
            run("/usr/sbin/" + daemon, "-d", "-p", pid.toString());
            started.add(daemon);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!answers()) {
            if (System.nanoTime() > deadline) throw new IllegalStateException("libvirtd started but does not answer on " + URI + " after 30 s");
            pause();
        }
    }

    private static boolean answers() {
        LibvirtRuntime.ensure();
        try {
            new Connect(URI).close();
            return true;
        } catch (LibvirtException e) {
            return false;
        }
    }

    @Override
    public void close() {
        List<String> failures = new ArrayList<>();
        for (int i = started.size() - 1; i >= 0; i--) {
            String daemon = started.get(i);
            try {
                long pid = Long.parseLong(Files.readString(dir.resolve(daemon + ".pid")).trim());
                ProcessHandle.of(pid).ifPresent(p -> {
                    p.destroy();
                    p.onExit().orTimeout(10, TimeUnit.SECONDS).join();
                });
            } catch (IOException | RuntimeException e) {
                failures.add(daemon + ": " + e.getMessage());
            }
        }
        started.clear();
        try {
            if (lock != null) lock.release();
            if (lockFile != null) lockFile.close();
        } catch (IOException e) {
            failures.add("releasing the lab lock: " + e.getMessage());
        }
        if (!failures.isEmpty()) throw new IllegalStateException("stopping the daemons this lab started: " + failures);
    }

    private static void run(String... cmd) throws IOException {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) throw new IOException(String.join(" ", cmd) + " failed");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted starting " + cmd[0], e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100); // the poll interval while libvirtd opens its socket
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for libvirtd", e);
        }
    }
}
