package dev.opsshell.remote.driver.kvm;

import dev.opsshell.core.testing.Requirements;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real-guest lab ({@code scripts/lab/guest}) for a test: libvirtd and virtlogd (started unless
 * running; their pids kept under {@code target/guest-lab}), the cached Debian image, the isolated
 * network {@code ops-test} and the storage pool {@code ops-test}. {@link #close()} stops exactly
 * what {@link #start()} started: the daemons by their recorded pids, the network and pool only if
 * they were not there before. Holds a lock file in the image cache while open, so two tests or a
 * test and a benchmark never run emulated guests side by side on two cores.
 */
final class GuestLab implements AutoCloseable {
    static final String NETWORK = "ops-test";
    static final String POOL = "ops-test";

    private final Path script;
    private final Path dir;
    final Path cache;
    private final List<String> started = new ArrayList<>();
    private FileChannel lockFile;
    private FileLock lock;

    private GuestLab(Path script, Path dir, Path cache) {
        this.script = script;
        this.dir = dir;
        this.cache = cache;
    }

    /** Skips (developer) or fails (CI) when the packages are missing; then starts what is not running. */
    static GuestLab start() throws IOException {
        Requirements.require(Requirements.isRoot(), "the real-guest lab needs root (libvirtd, debootstrap); run ./scripts/test as root");
        for (String program : List.of("qemu-system-x86_64", "qemu-img", "/usr/sbin/libvirtd", "/usr/sbin/virtlogd", "virsh",
                "debootstrap", "mkfs.ext4", "genisoimage", "/usr/sbin/dnsmasq", "ssh-keygen")) {
            Requirements.require(Requirements.onPath(program), program + " is missing: apt-get install -y qemu-system-x86 qemu-utils"
                    + " libvirt-daemon-system libvirt-clients libvirt-daemon-driver-qemu debootstrap genisoimage dnsmasq-base"
                    + " iptables openssh-client (./scripts/test does)");
        }
        String cacheSetting = System.getenv("OPS_GUEST_CACHE");
        Path cache = Path.of(cacheSetting == null || cacheSetting.isBlank() ? "/var/cache/ops-test/guest" : cacheSetting);
        GuestLab lab = new GuestLab(findScript(), Path.of("target", "guest-lab").toAbsolutePath(), cache);
        try {
            lab.open();
        } catch (RuntimeException | IOException e) {
            lab.close();
            throw e;
        }
        return lab;
    }

    private void open() throws IOException {
        Files.createDirectories(cache);
        lockFile = FileChannel.open(cache.resolve("guest.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        lock = lockFile.lock(); // waits for another guest test or benchmark on this machine to finish
        run(60, "daemons", "start", dir.toString());
        started.add("daemons");
        run(1800, "image", cache.toString()); // cached after the first build (~1.5-4 min cold)
        if (!active("network")) {
            run(60, "network", "start");
            started.add("network");
        }
        if (!active("pool")) {
            run(60, "pool", "start");
            started.add("pool");
        }
    }

    Path baseImage() {
        return cache.resolve("base.raw");
    }

    Path kernel() {
        return cache.resolve("vmlinuz");
    }

    Path initrd() {
        return cache.resolve("initrd.img");
    }

    /** The network's first three octets, from {@code network status} ({@code ops-test virbr-ops 192.168.231.1}). */
    String subnetPrefix() {
        String gateway = run(30, "network", "status").strip().split("\\s+")[2];
        return gateway.substring(0, gateway.lastIndexOf('.') + 1);
    }

    private boolean active(String what) {
        return exec(30, what, "status").exit == 0;
    }

    @Override
    public void close() {
        List<String> failures = new ArrayList<>();
        if (started.contains("pool")) stopQuietly(failures, "pool", "stop");
        if (started.contains("network")) stopQuietly(failures, "network", "stop"); // libvirtd leaves dnsmasq running
        if (started.contains("daemons")) stopQuietly(failures, "daemons", "stop", dir.toString());
        started.clear();
        try {
            if (lock != null) lock.release();
            if (lockFile != null) lockFile.close();
        } catch (IOException e) {
            failures.add("releasing " + cache.resolve("guest.lock") + ": " + e.getMessage());
        }
        if (!failures.isEmpty()) throw new IllegalStateException("stopping the guest lab: " + String.join("; ", failures));
    }

    private void stopQuietly(List<String> failures, String... args) {
        try {
            run(60, args);
        } catch (RuntimeException e) {
            failures.add(e.getMessage());
        }
    }

    private String run(int seconds, String... args) {
        long t0 = System.nanoTime();
        Outcome o = exec(seconds, args);
        if (o.exit != 0) throw new IllegalStateException(script + " " + String.join(" ", args) + " failed:\n" + o.output);
        // the lab's own lines (what it started, the probe's time) and how long the step took, for the test's log
        System.out.print(o.output);
        System.out.println("lab/guest " + String.join(" ", args) + ": " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0) + " ms");
        return o.output;
    }

    private record Outcome(int exit, String output) {
    }

    private Outcome exec(int seconds, String... args) {
        List<String> cmd = new ArrayList<>(List.of(script.toString()));
        cmd.addAll(List.of(args));
        try {
            Path log = Files.createTempFile("guest-lab", ".log");
            try {
                Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
                p.getOutputStream().close();
                if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
                    p.destroy();
                    throw new IllegalStateException(String.join(" ", cmd) + " did not finish within " + seconds + " s:\n"
                            + Files.readString(log, StandardCharsets.UTF_8));
                }
                return new Outcome(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(log);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + cmd + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + cmd, e);
        }
    }

    static Path findScript() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path s = p.resolve("scripts/lab/guest");
            if (Files.isExecutable(s)) return s;
        }
        throw new IllegalStateException("scripts/lab/guest not found above " + Path.of("").toAbsolutePath());
    }
}
