package dev.opsshell.remote.check;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** How probe output reads as goss's attribute values, for what the lab machine cannot show. */
class ObservationsTest {

    private static Map<String, Object> observe(Kind kind, String id, Map<String, List<String>> values) {
        return Observations.of(Subject.of(kind, id), new ProbeScript.Section(values, Map.of())).values();
    }

    @Test
    void onlyNumberedRunlevelsEnableAnInitServiceAsInGoss() {
        Map<String, Object> rcS = observe(Kind.SERVICE, "x", Map.of("manager", List.of("init"),
                "runlevel", List.of("/etc/rcS.d/S01x")));
        assertEquals(false, rcS.get("enabled"));
        Map<String, Object> rc2 = observe(Kind.SERVICE, "x", Map.of("manager", List.of("init"),
                "runlevel", List.of("/etc/rcS.d/S01x", "/etc/rc2.d/S01x", "/etc/rc3.d/S01x")));
        assertEquals(true, rc2.get("enabled"));
        assertEquals(List.of("2", "3"), rc2.get("runlevels"));
        Map<String, Object> systemd = observe(Kind.SERVICE, "x", Map.of("manager", List.of("systemd"),
                "running", List.of("true"), "enabled", List.of("false")));
        assertEquals(true, systemd.get("running"));
        assertEquals(false, systemd.get("enabled"));
    }

    @Test
    void procNetAddressesReadAsGoPrintsThem() {
        assertEquals("0.0.0.0", ProcNetAddress.ip("00000000"));
        assertEquals("127.0.0.1", ProcNetAddress.ip("0100007F"));
        assertEquals("::", ProcNetAddress.ip("00000000000000000000000000000000"));
        assertEquals("::1", ProcNetAddress.ip("00000000000000000000000001000000"));
        assertEquals("127.0.0.1", ProcNetAddress.ip("0000000000000000FFFF00000100007F"), "v4-mapped as IPv4, as Go");
        assertEquals("fe80::1", ProcNetAddress.ip("000080FE000000000000000001000000"));
    }

    @Test
    void mountinfoSplitsMountAndSuperblockOptionsAndUnescapes() {
        Mountinfo m = Mountinfo.parse("36 35 98:0 / /mnt/my\\040disk rw,noatime master:1 - ext3 /dev/root rw,errors=continue");
        assertEquals(List.of("rw", "noatime"), m.opts());
        assertEquals(List.of("rw", "errors=continue"), m.vfsOpts());
        assertEquals("ext3", m.filesystem());
        assertEquals("/dev/root", m.source());
    }

    @Test
    void aUserLineReadsAsGossUserAttributes() {
        Map<String, Object> u = observe(Kind.USER, "app", Map.of("passwd", List.of("app:x:1001:1002:App:/srv/app:/bin/sh"),
                "groups", List.of("app sudo app")));
        assertEquals(1001L, u.get("uid"));
        assertEquals(1002L, u.get("gid"));
        assertEquals("/srv/app", u.get("home"));
        assertEquals("/bin/sh", u.get("shell"));
        assertEquals(List.of("app", "sudo"), u.get("groups"));
    }
}
