package dev.opsshell.remote.packages;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The package managers ops knows, each with the noninteractive command for every verb and how it
 * waits for its lock. {@code {packages}} in a command stands for the package words; the query prints
 * {@code name<TAB>version}, or {@code name<TAB>} when the package is not installed.
 */
public enum PackageManager {
    APT("apt-get",
            "apt-get -q update",
            "apt-get -q -y -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold upgrade",
            "apt-get -q -y -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold install {packages}",
            "apt-get -q -y remove {packages}",
            "s=$(dpkg-query -W -f='${Status}|${Version}' \"$p\" 2>/dev/null); case \"$s\" in *' installed|'*) v=${s#*|};; *) v=;; esac",
            "Could not get lock|Unable to acquire the dpkg frontend lock|Unable to lock"),
    DNF("dnf",
            "dnf -q -y makecache",
            "dnf -y upgrade",
            "dnf -y install {packages}",
            "dnf -y remove {packages}",
            "v=$(rpm -q --qf '%{VERSION}-%{RELEASE}' \"$p\" 2>/dev/null) || v=",
            "/var/run/dnf.pid"),
    YUM("yum",
            "yum -q -y makecache",
            "yum -y update",
            "yum -y install {packages}",
            "yum -y remove {packages}",
            "v=$(rpm -q --qf '%{VERSION}-%{RELEASE}' \"$p\" 2>/dev/null) || v=",
            "/var/run/yum.pid"),
    APK("apk",
            "apk update --wait $ops_wait",
            "apk upgrade --wait $ops_wait",
            "apk add --wait $ops_wait {packages}",
            "apk del --wait $ops_wait {packages}",
            "v=$(apk info -e -v \"$p\" 2>/dev/null); v=${v#\"$p\"-}",
            ""),
    ZYPPER("zypper",
            "ZYPP_LOCK_TIMEOUT=$ops_wait zypper -n -q refresh",
            "ZYPP_LOCK_TIMEOUT=$ops_wait zypper -n update",
            "ZYPP_LOCK_TIMEOUT=$ops_wait zypper -n install {packages}",
            "ZYPP_LOCK_TIMEOUT=$ops_wait zypper -n remove {packages}",
            "v=$(rpm -q --qf '%{VERSION}-%{RELEASE}' \"$p\" 2>/dev/null) || v=",
            ""),
    PACMAN("pacman",
            "pacman -Sy --noconfirm",
            "pacman -Su --noconfirm",
            "pacman -S --noconfirm --needed {packages}",
            "pacman -R --noconfirm {packages}",
            "v=$(pacman -Q \"$p\" 2>/dev/null) && v=${v#* } || v=",
            "/var/lib/pacman/db.lck");

    /** The program whose presence on the PATH says this manager is the host's. */
    final String program;
    final String update;
    final String upgrade;
    final String install;
    final String remove;
    final String query;
    /**
     * How its lock is waited for: a file that exists while the lock is held (checked before the
     * run), a pattern of the failure it prints when the lock is held (then the run is tried again
     * until the wait is over), or empty when the manager waits itself ({@code $ops_wait} seconds).
     */
    final String lock;

    PackageManager(String program, String update, String upgrade, String install, String remove, String query, String lock) {
        this.program = program;
        this.update = update;
        this.upgrade = upgrade;
        this.install = install;
        this.remove = remove;
        this.query = query;
        this.lock = lock;
    }

    /** The short name: apt, dnf, yum, apk, zypper, pacman (also the value of {@code ops_package_manager}). */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The manager a word names, or a clear error naming the ones ops knows. */
    public static PackageManager named(String word, String where) {
        for (PackageManager m : values()) {
            if (m.word().equals(word.strip().toLowerCase(Locale.ROOT))) return m;
        }
        throw new IllegalArgumentException("unknown package manager '" + word + "'" + where + ": ops knows "
                + known() + "; leave ops_package_manager unset to detect it");
    }

    static String known() {
        return Arrays.stream(values()).map(PackageManager::word).collect(Collectors.joining(", "));
    }

    static List<PackageManager> inDetectionOrder() {
        return List.of(values());
    }

    boolean waitsByPidFile() {
        return lock.startsWith("/");
    }

    boolean waitsByRetry() {
        return !lock.isEmpty() && !waitsByPidFile();
    }
}
