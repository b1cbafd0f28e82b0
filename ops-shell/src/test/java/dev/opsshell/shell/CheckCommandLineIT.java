package dev.opsshell.shell;

import dev.opsshell.remote.ssh.SshLab;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code ops check} through the real launcher on three loopback OpenSSH hosts: flags, goss files, formats, exit codes. */
@ExtendWith(SshLab.class)
class CheckCommandLineIT {
    private static final int PORT = SshLab.PORT;

    @TempDir
    Path home;
    Path inventory;

    @BeforeEach
    void labInventory() throws Exception {
        Path ssh = Files.createDirectories(home.resolve(".ssh"));
        Files.copy(SshLab.lab().knownHosts(), ssh.resolve("known_hosts"));
        inventory = home.resolve("hosts.ini");
        Files.writeString(inventory, "[lab]\n127.0.1.[1:3] ansible_port=" + PORT + " ansible_user=root ansible_ssh_private_key_file="
                + SshLab.lab().key() + "\n");
    }

    private OpsProcess.Run ops(String... args) throws Exception {
        String[] all = new String[args.length + 2];
        all[0] = "-i";
        all[1] = inventory.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return OpsProcess.run(home, null, all);
    }

    @Test
    void flagsCheckEveryHostAndExitZeroWhenAllPass() throws Exception {
        OpsProcess.Run r = ops("check", "lab", "--package", "openssh-server", "--port", String.valueOf(PORT),
                "--file", "/etc/passwd", "--user", "root", "--kernel-param", "kernel.ostype=Linux", "--dns", "localhost");
        assertEquals(0, r.code(), r.toString());
        for (int i = 1; i <= 3; i++) assertTrue(r.out().contains("✔ 127.0.1." + i + ": 6/6 passed\n"), r.toString());
        assertTrue(r.out().contains("  ✔ Port: tcp:" + PORT + ": listening true\n"), r.toString());
        assertTrue(r.out().contains("checks: 18 on 3 hosts, 18 passed · "), r.toString());
    }

    @Test
    void aGossFileWithAFailingCheckExitsFiveAndWritesJunitWithTheObservedValue() throws Exception {
        Path goss = home.resolve("goss.yaml");
        Files.writeString(goss, """
                file:
                  /etc/passwd:
                    exists: true
                    mode: "0600"
                package:
                  ops-no-such-package:
                    installed: true
                """);
        Path xml = home.resolve("report.xml");
        OpsProcess.Run r = ops("check", "lab", "-g", goss.toString(), "--format", "tap", "--junit", xml.toString());
        assertEquals(5, r.code(), r.toString());
        assertTrue(r.out().startsWith("TAP version 13\n1..9\n"), r.toString());
        assertTrue(r.out().contains("not ok 2 - 127.0.1.1 File: /etc/passwd: mode: expected \"0600\", observed \"0644\"\n"), r.toString());
        var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile());
        NodeList suites = doc.getElementsByTagName("testsuite");
        assertEquals(3, suites.getLength());
        Set<String> cases = new HashSet<>();
        NodeList all = doc.getElementsByTagName("testcase");
        for (int i = 0; i < all.getLength(); i++) {
            Element c = (Element) all.item(i);
            cases.add(c.getAttribute("classname") + "|" + c.getAttribute("name"));
        }
        assertEquals(9, cases.size(), "a unique classname and name per case");
        Element failure = (Element) doc.getElementsByTagName("failure").item(0);
        assertEquals("expected \"0600\", observed \"0644\"", failure.getAttribute("message"));
        assertEquals("127.0.1.1.File", ((Element) failure.getParentNode()).getAttribute("classname"));
    }

    @Test
    void anUnsupportedGossKeyExitsTwoNamingFileLineAndKeyBeforeAnyHostIsContacted() throws Exception {
        Path goss = home.resolve("goss.yaml");
        Files.writeString(goss, "port:\n  tcp:22:\n    listening: true\n    protocol: tcp\n");
        OpsProcess.Run r = ops("check", "lab", "-g", goss.toString());
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().contains(goss + ":4: 'protocol' is not a key of goss's port resource"), r.toString());
        assertEquals("", r.out());
    }

    @Test
    void anUnreachableHostExitsFourAndJsonSaysWhyPerCheck() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        Files.writeString(inventory, Files.readString(inventory) + "gone ansible_host=127.0.0.1 ansible_port=" + closed + "\n");
        OpsProcess.Run r = ops("check", "lab,gone", "--file", "/etc/passwd", "--format", "json");
        assertEquals(4, r.code(), r.toString());
        assertTrue(r.out().contains("{\"host\":\"127.0.1.2\",\"resource\":\"file\",\"id\":\"/etc/passwd\",\"attribute\":\"exists\","
                + "\"result\":\"pass\",\"expected\":\"true\",\"observed\":\"true\"}"), r.toString());
        assertTrue(r.out().contains("{\"host\":\"gone\",\"resource\":\"file\",\"id\":\"/etc/passwd\",\"attribute\":\"exists\","
                + "\"result\":\"error\",\"expected\":\"true\",\"observed\":\"\",\"message\":\"unreachable"), r.toString());
    }
}
