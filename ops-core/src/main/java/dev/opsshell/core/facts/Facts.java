package dev.opsshell.core.facts;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What one host is, read in one round trip: {@code f.os().is("debian")}, {@code f.memory().total()},
 * {@code f.disks()}. A part the host would not tell (an unreadable /proc entry, a missing tool) is
 * empty or zero and named in {@link #problems()}, so the rest of the facts still count.
 *
 * @param problems what could not be read, one line each ({@code memory: /proc/meminfo unreadable})
 */
public record Facts(String host, String hostname, Os os, String kernel, String arch, int cpus,
                    Memory memory, Memory swap, List<Mount> mounts, List<Address> addresses,
                    Duration uptime, Load load, String virtualisation, List<String> problems) {

    public Facts {
        Objects.requireNonNull(host, "host");
        hostname = hostname == null ? "" : hostname;
        os = os == null ? Os.UNKNOWN : os;
        kernel = kernel == null ? "" : kernel;
        arch = arch == null ? "" : arch;
        memory = memory == null ? Memory.NONE : memory;
        swap = swap == null ? Memory.NONE : swap;
        mounts = List.copyOf(mounts == null ? List.of() : mounts);
        addresses = List.copyOf(addresses == null ? List.of() : addresses);
        uptime = uptime == null ? Duration.ZERO : uptime;
        load = load == null ? Load.NONE : load;
        virtualisation = virtualisation == null ? "unknown" : virtualisation;
        problems = List.copyOf(problems == null ? List.of() : problems);
    }

    /** The operating system as /etc/os-release names it: {@code id} debian, {@code version} 12, {@code like} its family. */
    public record Os(String id, String version, String name, List<String> like) {
        static final Os UNKNOWN = new Os("unknown", "", "unknown", List.of());

        public Os {
            like = List.copyOf(like);
        }

        /** True when this is {@code id} or a derivative of it: ubuntu is ("debian") too. Case does not matter. */
        public boolean is(String wanted) {
            String w = wanted.toLowerCase(Locale.ROOT);
            return id.equals(w) || like.contains(w);
        }

        /** True when this is {@code id} at a version starting with {@code version}: {@code is("debian", "12")}. */
        public boolean is(String wanted, String versionPrefix) {
            return is(wanted) && (version.equals(versionPrefix) || version.startsWith(versionPrefix + "."));
        }

        @Override
        public String toString() {
            return version.isEmpty() ? id : id + " " + version;
        }
    }

    /** Bytes: total and available (for swap: free). */
    public record Memory(long total, long available) {
        static final Memory NONE = new Memory(0, 0);

        public long used() {
            return total - available;
        }

        @Override
        public String toString() {
            return Bytes.human(total);
        }
    }

    /** A mounted filesystem with its size in bytes (zero where df did not list it). */
    public record Mount(String device, String path, String type, long size, long used, long available) {
        /** A filesystem on a block device ({@code /dev/…}), as opposed to tmpfs, proc, overlay and the like. */
        public boolean isDisk() {
            return device.startsWith("/dev/");
        }

        /** Used share of the size, 0 … 100. */
        public int percentUsed() {
            return size == 0 ? 0 : (int) Math.round(100.0 * used / size);
        }
    }

    /** An address on an interface: {@code family} inet or inet6, {@code prefix} the netmask length. */
    public record Address(String iface, String family, String address, int prefix) {
        public boolean isLoopback() {
            return iface.equals("lo") || address.startsWith("127.") || address.equals("::1");
        }

        @Override
        public String toString() {
            return address + "/" + prefix;
        }
    }

    /** The 1, 5 and 15 minute load averages. */
    public record Load(double one, double five, double fifteen) {
        static final Load NONE = new Load(0, 0, 0);

        @Override
        public String toString() {
            return one + " " + five + " " + fifteen;
        }
    }

    /** The mounts on block devices: the disks, not tmpfs, proc or overlays. */
    public List<Mount> disks() {
        return mounts.stream().filter(Mount::isDisk).toList();
    }

    /** The addresses other hosts can reach it on (loopback left out). */
    public List<Address> publicAddresses() {
        return addresses.stream().filter(a -> !a.isLoopback()).toList();
    }

    /** True when it runs in a virtual machine or a container ({@link #virtualisation()} is not none). */
    public boolean isVirtual() {
        return !virtualisation.equals("none") && !virtualisation.equals("unknown");
    }

    /** One line for tables and pretty output: {@code debian 12, 6.1.0 x86_64, 2 cpus, 3.8 GiB, kvm}. */
    public String summary() {
        return os + ", " + kernel + " " + arch + ", " + cpus + " cpus, " + memory + " memory, up "
                + Bytes.duration(uptime) + ", load " + load.one() + ", " + virtualisation;
    }

    @Override
    public String toString() {
        return host + ": " + summary() + (problems.isEmpty() ? "" : " (" + String.join("; ", problems) + ")");
    }
}
