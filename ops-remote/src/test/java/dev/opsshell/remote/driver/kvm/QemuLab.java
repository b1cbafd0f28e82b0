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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * libvirtd and virtlogd for a test on {@code qemu:///system}: used when they answer, else started
 * here by {@code scripts/lab/guest daemons start} (PID 1 is not systemd on these machines) with pid
 * files under {@code target/qemu-lab}, and then stopped by those pids on {@link #close()} — never a
 * daemon this lab did not start. Holds the
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
        // the real-guest lab's script: it finds running daemons by process (a second libvirtd would
        // unlink the first one's socket), gives /dev/kvm udev's root:kvm 0660 (else libvirt probes
        // qemu again at every call, 40-125 s a define here) and waits until libvirtd answers
        run(GuestLab.findScript().toString(), "daemons", "start", dir.toString());
        started.add("daemons");
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
        if (started.contains("daemons")) {
            try {
                run(GuestLab.findScript().toString(), "daemons", "stop", dir.toString()); // only the pids it started
            } catch (IOException | RuntimeException e) {
                failures.add(e.getMessage());
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
            if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) throw new IOException(String.join(" ", cmd) + " failed");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted starting " + cmd[0], e);
        }
    }
}
