package dev.opsshell.remote.services;

import dev.opsshell.core.host.Host;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The systemd branch, which this machine (no systemd as PID 1) cannot take for real: the script is
 * run by /bin/sh with PID 1's name read from a directory of the test's own and a systemctl on the
 * PATH that records how it was called.
 */
class ServiceScriptTest {
    static final Host HOST = new Host("web1", "10.0.0.1", 22, "root", Map.of(), List.of());

    @TempDir
    Path dir;

    private String run(HostScriptCall call, String pid1) throws Exception {
        Files.createDirectories(dir.resolve("proc/1"));
        Files.writeString(dir.resolve("proc/1/comm"), pid1 + "\n");
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path log = dir.resolve("systemctl.log");
        Files.writeString(bin.resolve("systemctl"), "#!/bin/sh\necho \"$*\" >> " + log + "\n"
                + "case \"$1\" in is-active) exit 0;; is-enabled) echo enabled;; esac\n");
        bin.resolve("systemctl").toFile().setExecutable(true);
        ProcessBuilder pb = new ProcessBuilder("/bin/sh", "-c", call.script());
        pb.environment().put("PATH", bin + ":/usr/bin:/bin");
        pb.environment().put("OPS_PROC", dir.resolve("proc").toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(30, TimeUnit.SECONDS);
        return out + (Files.exists(log) ? "systemctl: " + Files.readString(log) : "") + "exit " + p.exitValue();
    }

    interface HostScriptCall {
        String script();
    }

    @Test
    void whereSystemdIsPid1EveryVerbIsSystemctlOnTheUnit() throws Exception {
        assertEquals("systemctl: restart ops-demo@1.service\nexit 0", run(() -> Services.restart("ops-demo@1.service").scriptFor(HOST), "systemd"));
        Files.deleteIfExists(dir.resolve("systemctl.log"));
        assertEquals("systemctl: enable --quiet nginx\nexit 0", run(() -> Services.enable("nginx").scriptFor(HOST), "systemd"));
        Files.deleteIfExists(dir.resolve("systemctl.log"));
        String status = run(() -> Services.status("nginx").scriptFor(HOST), "systemd");
        assertEquals(new ServiceState("nginx", "systemd", true, true), ServiceState.parse("nginx", status));
        assertTrue(status.contains("systemctl: is-active --quiet nginx\nis-enabled nginx"), status);
    }

    @Test
    void withoutSystemdAndWithoutAnInitScriptTheServiceIsNamedAsMissing() throws Exception {
        String out = run(() -> Services.start("ops-no-such-service").scriptFor(HOST), "init");
        assertTrue(out.endsWith("exit " + ServiceScript.NO_SUCH_SERVICE), out);
        assertTrue(!out.contains("systemctl:"), "systemctl is not used when PID 1 is not systemd: " + out);
    }

    @Test
    void theFallbackUsesServiceOrTheInitScriptAndUpdateRcD() {
        String start = ServiceScript.sysv(ServiceScript.Verb.START);
        assertEquals("if command -v service >/dev/null 2>&1; then service \"$n\" start; else \"/etc/init.d/$n\" start; fi", start);
        assertTrue(ServiceScript.sysv(ServiceScript.Verb.ENABLE).contains("update-rc.d \"$n\" defaults"));
        assertTrue(ServiceScript.openrc(ServiceScript.Verb.DISABLE).equals("rc-update del \"$n\""));
    }

    @Test
    void aNameThatIsNotAServiceNameIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Services.start("x; reboot"));
        assertTrue(e.getMessage().contains("is not a service name"), e.getMessage());
    }
}
