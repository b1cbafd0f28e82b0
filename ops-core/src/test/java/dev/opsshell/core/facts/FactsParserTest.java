package dev.opsshell.core.facts;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The facts script's output, captured on a real Debian 12 container (this machine), read back as facts. */
class FactsParserTest {

    static String captured(String name) throws IOException {
        try (InputStream in = FactsParserTest.class.getResourceAsStream("/facts/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aCapturedDebianOutputGivesEveryFact() throws IOException {
        Facts f = FactsParser.parse("web1", captured("debian12-container.txt"));
        assertEquals("web1", f.host());
        assertEquals("vm", f.hostname());
        assertEquals("debian", f.os().id());
        assertEquals("12", f.os().version());
        assertTrue(f.os().is("debian") && f.os().is("Debian", "12") && !f.os().is("ubuntu"));
        assertEquals("6.18.44-fc-v1098", f.kernel());
        assertEquals("x86_64", f.arch());
        assertEquals(2, f.cpus());
        assertEquals(24683568L * 1024, f.memory().total());
        assertEquals(23688972L * 1024, f.memory().available());
        assertEquals(0, f.swap().total());
        assertEquals(Duration.ofMillis(12232250), f.uptime());
        assertEquals(19.32, f.load().one());
        assertEquals(7.72, f.load().fifteen());
        assertEquals("docker", f.virtualisation());
        Facts.Mount root = f.disks().stream().filter(m -> m.path().equals("/")).findFirst().orElseThrow();
        assertEquals("/dev/vda", root.device());
        assertEquals("ext4", root.type());
        assertEquals(264212084L * 1024, root.size());
        assertTrue(f.mounts().stream().anyMatch(m -> m.type().equals("proc")), "proc is a mount, not a disk");
        assertFalse(f.disks().stream().anyMatch(m -> m.type().equals("proc")));
        assertEquals(List.of("192.0.2.2", "fd00::2", "fe80::fc:ff:fe00:1"), f.publicAddresses().stream().map(Facts.Address::address).toList());
        assertEquals(24, f.publicAddresses().get(0).prefix());
        assertEquals("eth0", f.publicAddresses().get(0).iface());
        assertTrue(f.problems().isEmpty(), f.problems()::toString);
    }

    @Test
    void anUnreadableProcEntryLeavesThatFactEmptyAndNamesItTheRestStillCounts() throws IOException {
        // grep -H prints nothing for a file it cannot read
        String out = captured("debian12-container.txt").replaceAll("(?m)^/proc/meminfo:.*\n", "");
        Facts f = FactsParser.parse("web1", out);
        assertEquals(0, f.memory().total());
        assertEquals(List.of("memory: /proc/meminfo unreadable"), f.problems());
        assertEquals("debian", f.os().id());
        assertEquals(2, f.cpus());
    }

    @Test
    void anOutputCutShortIsAnErrorThatShowsItsEnd() throws IOException {
        String out = captured("debian12-container.txt");
        String cut = out.substring(0, out.indexOf("@@ops:df"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FactsParser.parse("web1", cut));
        assertTrue(e.getMessage().contains("ended early"), e.getMessage());
    }

    @Test
    void cpusAreCountedFromTheOnlineRangesOrTakenFromGetconf() {
        java.util.List<String> problems = new java.util.ArrayList<>();
        assertEquals(8, FactsParser.cpus(List.of("0-3,8-11"), List.of(), problems));
        assertEquals(1, FactsParser.cpus(List.of("0"), List.of(), problems));
        assertEquals(6, FactsParser.cpus(null, List.of("6"), problems));
        assertTrue(problems.isEmpty());
        assertEquals(0, FactsParser.cpus(null, List.of(), problems));
        assertEquals(1, problems.size());
    }

    @Test
    void aDerivativeIsItsFamilyToo() {
        Facts.Os ubuntu = FactsParser.os(List.of("NAME=\"Ubuntu\"", "ID=ubuntu", "ID_LIKE=debian", "VERSION_ID=\"22.04\""));
        assertTrue(ubuntu.is("ubuntu", "22.04") && ubuntu.is("debian"));
        Facts.Os rocky = FactsParser.os(List.of("ID=\"rocky\"", "ID_LIKE=\"rhel centos fedora\"", "VERSION_ID=\"9.3\""));
        assertTrue(rocky.is("rhel") && rocky.is("rocky", "9") && !rocky.is("rocky", "9.30"));
        Facts.Os alpine = FactsParser.os(List.of("NAME=\"Alpine Linux\"", "ID=alpine", "VERSION_ID=3.19.1"));
        assertTrue(alpine.is("alpine", "3.19") && alpine.like().isEmpty());
    }

    @Test
    void virtualisationFromDetectOrContainerOrDmiOrTheCpuFlag() {
        assertEquals("kvm", FactsParser.virtualisation(List.of("detect=kvm", "vendor=QEMU")));
        assertEquals("lxc", FactsParser.virtualisation(List.of("container=lxc", "vendor=")));
        assertEquals("vmware", FactsParser.virtualisation(List.of("vendor=VMware, Inc.", "product=VMware Virtual Platform")));
        assertEquals("kvm", FactsParser.virtualisation(List.of("vendor=QEMU", "product=Standard PC (Q35 + ICH9, 2009) KVM")));
        assertEquals("vm", FactsParser.virtualisation(List.of("vendor=", "product=", "hypervisor=yes")));
        assertEquals("none", FactsParser.virtualisation(List.of("detect=none", "vendor=Dell Inc.", "product=PowerEdge R640")));
        assertEquals("none", FactsParser.virtualisation(List.of("vendor=Dell Inc.", "product=PowerEdge R640")));
        assertEquals("unknown", FactsParser.virtualisation(List.of("vendor=", "product=")));
    }

    @Test
    void aMountPathWithASpaceIsReadBackWithItsSpaceAndItsSize() {
        List<Facts.Mount> m = FactsParser.mounts(List.of("/dev/sdb1 /mnt/my\\040disk ext4 rw 0 0"),
                List.of("Filesystem 1024-blocks Used Available Capacity Mounted on", "/dev/sdb1 100 40 60 40% /mnt/my disk"));
        assertEquals("/mnt/my disk", m.get(0).path());
        assertEquals(100 * 1024, m.get(0).size());
        assertEquals(40, m.get(0).percentUsed());
    }
}
