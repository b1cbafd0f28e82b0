package dev.opsshell.remote.machine;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ss, netstat, ps and getent outputs as captured on Debian 12, read back as values. */
class InspectParsingTest {

    @Test
    void ssLinesGiveProtocolAddressPortAndProcess() {
        List<ListeningPort> p = ListeningPort.parse("""
                udp UNCONN 0      0           192.168.231.1:53    0.0.0.0:* users:(("dnsmasq",pid=22614,fd=5))
                udp UNCONN 0      0       0.0.0.0%virbr-ops:67    0.0.0.0:* users:(("dnsmasq",pid=22614,fd=3))
                tcp LISTEN 0      128               0.0.0.0:2024  0.0.0.0:*
                tcp LISTEN 0      100    [::ffff:127.0.0.1]:25508       *:* users:(("java",pid=27058,fd=84))
                tcp LISTEN 0      128                  [::]:22           [::]:*    users:(("sshd",pid=5,fd=4))
                """);
        assertEquals(new ListeningPort("udp", "192.168.231.1", 53, "dnsmasq"), p.get(0));
        assertEquals(new ListeningPort("udp", "0.0.0.0", 67, "dnsmasq"), p.get(1));
        assertEquals(new ListeningPort("tcp", "0.0.0.0", 2024, ""), p.get(2));
        assertEquals(new ListeningPort("tcp", "::ffff:127.0.0.1", 25508, "java"), p.get(3));
        assertTrue(p.get(4).onAllAddresses());
        assertEquals("tcp [::]:22 sshd", p.get(4).toString());
    }

    @Test
    void netstatLinesWhereThereIsNoSs() {
        List<ListeningPort> p = ListeningPort.parse("""
                Active Internet connections (only servers)
                Proto Recv-Q Send-Q Local Address           Foreign Address         State       PID/Program name
                tcp        0      0 0.0.0.0:22              0.0.0.0:*               LISTEN      612/sshd
                udp        0      0 127.0.0.1:323           0.0.0.0:*                           700/chronyd
                """);
        assertEquals(List.of(new ListeningPort("tcp", "0.0.0.0", 22, "sshd"), new ListeningPort("udp", "127.0.0.1", 323, "chronyd")), p);
    }

    @Test
    void processesMatchByNameOrCommandLineAndPsItselfIsLeftOut() {
        List<ProcessInfo> p = ProcessInfo.matching("""
                  PID USER     COMMAND         COMMAND
                    1 root     process_api     /process_api --firecracker-init
                  612 root     sshd            sshd: /usr/sbin/sshd -D [listener] 0 of 10-100 startups
                  700 www      nginx           nginx: worker process
                  999 root     ps              ps -eo pid,user,comm,args
                """, "sshd");
        assertEquals(List.of(new ProcessInfo(612, "root", "sshd", "sshd: /usr/sbin/sshd -D [listener] 0 of 10-100 startups")), p);
        assertTrue(ProcessInfo.matching("  999 root ps ps -eo pid,user,comm,args\n", "ps").isEmpty());
    }

    @Test
    void getentGivesUsersGroupsAndMembership() {
        Accounts a = Accounts.parse("""
                root:x:0:0:root:/root:/bin/bash
                opsuser:x:1000:1000::/home/opsuser:/bin/sh
                @@ops:groups
                root:x:0:
                sudo:x:27:opsuser
                opsuser:x:1000:
                """);
        assertEquals(new Accounts.User("opsuser", 1000, 1000, "/home/opsuser", "/bin/sh"), a.user("opsuser").orElseThrow());
        assertTrue(a.inGroup("opsuser", "sudo") && a.inGroup("opsuser", "opsuser") && !a.inGroup("root", "sudo"));
        assertEquals(List.of(), a.group("root").orElseThrow().members());
    }
}
