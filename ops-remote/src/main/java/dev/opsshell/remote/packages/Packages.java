package dev.opsshell.remote.packages;

import dev.opsshell.core.host.Host;
import dev.opsshell.core.host.Hosts;
import dev.opsshell.core.pipeline.HostScript;
import dev.opsshell.core.result.HostValues;
import dev.opsshell.core.result.Result;
import dev.opsshell.core.result.Results;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Package operations on whatever manager each host has (apt, dnf, yum, apk, zypper, pacman), one
 * round trip per host, noninteractive, run as root:
 * <pre>{@code
 * run(update(hosts("web")), pick(successful()), upgrade(), pretty());   // Re-mote's update | pick successful | upgrade
 * hosts("web").run(install("nginx"));
 * installed(hosts("web"), "openssh-server").get("web1").version();
 * }</pre>
 * A lock another run holds is waited for at most {@code lockWait} (60 s unless given), then that
 * host fails with exit 75 and a line saying whose lock it is; it never hangs.
 */
public final class Packages {
    /** How long a verb waits for another run's lock before that host fails. */
    public static final Duration DEFAULT_LOCK_WAIT = Duration.ofSeconds(60);

    private Packages() {
    }

    public static HostScript update(Duration lockWait) {
        return verb("update package lists", lockWait, m -> m.update);
    }

    public static HostScript upgrade(Duration lockWait) {
        return verb("upgrade packages", lockWait, m -> m.upgrade);
    }

    public static HostScript install(Duration lockWait, List<String> packages) {
        String words = PackageScript.words(packages);
        return verb("install " + String.join(" ", packages), lockWait, m -> m.install.replace("{packages}", words));
    }

    public static HostScript remove(Duration lockWait, List<String> packages) {
        String words = PackageScript.words(packages);
        return verb("remove " + String.join(" ", packages), lockWait, m -> m.remove.replace("{packages}", words));
    }

    /** The query: one {@code name<TAB>version} line per package, the version empty when it is not installed. */
    public static HostScript query(List<String> packages) {
        String words = PackageScript.words(packages);
        return HostScript.of("installed " + String.join(" ", packages), host -> PackageScript.query(host,
                m -> "for p in " + words + "; do " + m.query + "; printf '%s\\t%s\\n' \"$p\" \"$v\"; done"));
    }

    /** Each host's installed versions of {@code packages}, gathered now. */
    public static HostValues<InstalledPackages> installed(Hosts hosts, List<String> packages) {
        Results r = hosts.run(query(packages));
        return HostValues.read(r, Packages::parse);
    }

    static InstalledPackages parse(Result r) {
        Map<String, String> versions = new LinkedHashMap<>();
        for (String line : r.stdout().split("\n")) {
            int tab = line.indexOf('\t');
            if (tab > 0) versions.put(line.substring(0, tab), line.substring(tab + 1).strip());
        }
        return new InstalledPackages(versions);
    }

    private static HostScript verb(String title, Duration lockWait, Function<PackageManager, String> command) {
        return HostScript.of(title, (Host host) -> PackageScript.build(host, lockWait, command)).privileged();
    }
}
