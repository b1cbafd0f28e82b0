package dev.opsshell.remote.packages;

import dev.opsshell.core.host.Host;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The package scripts as built, and run by a real /bin/sh where the behaviour is the shell's. */
class PackageScriptTest {
    static final Host PLAIN = new Host("web1", "10.0.0.1", 22, "root", Map.of(), List.of());

    @Test
    void anUnknownPackageManagerNamedByTheHostIsAClearErrorListingTheKnownOnes() {
        Host odd = new Host("web2", "10.0.0.2", 22, "root", Map.of("ops_package_manager", "portage"), List.of());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Packages.install(Duration.ofSeconds(1), List.of("sl")).scriptFor(odd));
        assertEquals("unknown package manager 'portage' (ops_package_manager of web2): ops knows apt, dnf, yum, apk, zypper, pacman;"
                + " leave ops_package_manager unset to detect it", e.getMessage());
    }

    @Test
    void aHostWithNoKnownManagerOnItsPathSaysWhatWasLookedForAndExits127(@TempDir Path empty) throws Exception {
        String script = Packages.query(List.of("sl")).scriptFor(PLAIN);
        Run r = sh(script, empty.toString());
        assertEquals(PackageScript.NO_MANAGER, r.code, r.err);
        assertTrue(r.err.contains("no package manager found on ") && r.err.contains("looked for apt-get, dnf, yum, apk, zypper, pacman"), r.err);
    }

    @Test
    void aNamedManagerIsUsedWithoutDetectionAndEachWaitsForItsLockItsOwnWay() {
        Host dnfHost = new Host("rh1", "10.0.0.3", 22, "root", Map.of("ops_package_manager", "DNF"), List.of());
        String dnf = Packages.install(Duration.ofSeconds(7), List.of("nginx", "curl")).scriptFor(dnfHost);
        assertTrue(dnf.contains("\nm=dnf\n"), dnf);
        assertFalse(dnf.contains("command -v ${c%%:*}"), "no detection when the host names its manager");
        assertTrue(dnf.contains("ops_wait=7\n"), dnf);
        assertTrue(dnf.contains("ops_pidwait /var/run/dnf.pid dnf && { dnf -y install nginx curl; }"), dnf);
        String apt = Packages.install(Duration.ofSeconds(7), List.of("sl")).scriptFor(PLAIN);
        assertTrue(apt.contains("ops_retry 'Could not get lock|Unable to acquire the dpkg frontend lock|Unable to lock' apt apt-get -q -y"), apt);
        assertTrue(apt.contains("export DEBIAN_FRONTEND=noninteractive"), apt);
        assertTrue(apt.contains("zypper)\nZYPP_LOCK_TIMEOUT=$ops_wait zypper -n install sl"), apt);
        assertTrue(apt.contains("apk)\napk add --wait $ops_wait sl"), apt);
    }

    @Test
    void aPackageNameThatIsNotOneIsRefusedBeforeAnythingRuns() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Packages.install(Duration.ZERO, List.of("sl; rm -rf /")));
        assertTrue(e.getMessage().startsWith("'sl; rm -rf /' is not a package name"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Packages.remove(Duration.ZERO, List.of()));
    }

    @Test
    void theRetryGivesUpAfterTheWaitWithExit75AndNamesTheHolder(@TempDir Path bin) throws Exception {
        // a fake apt-get that always finds the lock held: the retry loop must end by itself
        Path fake = bin.resolve("apt-get");
        java.nio.file.Files.writeString(fake, "#!/bin/sh\necho 'E: Could not get lock /var/lib/dpkg/lock-frontend. It is held by process 4242 (apt-get)' >&2\nexit 100\n");
        fake.toFile().setExecutable(true);
        String script = Packages.install(Duration.ofSeconds(1), List.of("sl")).scriptFor(PLAIN);
        Run r = sh(script, bin + ":/usr/bin:/bin");
        assertEquals(PackageScript.LOCK_HELD, r.code, r.out + r.err);
        assertTrue(r.err.contains("ops: apt's lock is still held after 1s (held by process 4242 (apt-get))"), r.err);
    }

    @Test
    void versionsAreReadPerPackageAndAMissingOneIsNotInstalled() {
        InstalledPackages p = Packages.parse(dev.opsshell.core.result.Result.exited(PLAIN, 0,
                "openssh-server\t1:9.2p1-2+deb12u3\nsl\t\n", "", false, java.time.Instant.now(), "ssh"));
        assertEquals("1:9.2p1-2+deb12u3", p.version("openssh-server").orElseThrow());
        assertTrue(p.version("sl").isEmpty());
        assertFalse(p.allInstalled());
        assertEquals("openssh-server 1:9.2p1-2+deb12u3, sl (not installed)", p.toString());
    }

    record Run(int code, String out, String err) { }

    static Run sh(String script, String path) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("/bin/sh", "-c", script);
        pb.environment().put("PATH", path);
        Process p = pb.start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the script ended");
        return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }
}
