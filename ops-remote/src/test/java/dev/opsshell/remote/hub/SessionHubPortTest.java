package dev.opsshell.remote.hub;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shell's own hub: on loopback by default, and never stuck on a port something else holds. */
class SessionHubPortTest {
    @TempDir
    Path dir;

    @Test
    void theShellsHubListensOnLoopbackUnlessTheOperatorSaysOtherwise() {
        assertEquals("127.0.0.1", SessionHub.configured().bindAddress(), "with no OPS_HUB_BIND set");
        try (Hub hub = (Hub) SessionHub.start(HubConfig.defaults(0).withBindAddress(SessionHub.DEFAULT_BIND)
                .withKeyDir(dir.resolve("hub")), dir.resolve("client"), notice -> { })) {
            assertTrue(hub.endpoint().startsWith("tcp://127.0.0.1:"), hub.endpoint());
        }
    }

    @Test
    void aPortHeldBySomethingElseGivesAHubOnAFreePortAndSaysWhich() throws Exception {
        int taken = Ports.free();
        List<String> notices = new ArrayList<>();
        try (ServerSocket other = new ServerSocket(taken, 1, InetAddress.getLoopbackAddress());
             AgentLink link = SessionHub.start(HubConfig.defaults(taken).withBindAddress("127.0.0.1")
                     .withKeyDir(dir.resolve("hub")), dir.resolve("client"), notices::add)) {
            Hub hub = assertInstanceOf(Hub.class, link);
            assertNotEquals(taken, hub.port());
            assertEquals(List.of("hub: port " + taken + " is taken (another ops shell?); this shell's hub listens on "
                    + hub.endpoint() + " instead"), notices);
            assertTrue(other.isBound());
        }
    }

    @Test
    void aNoteLeftByAStandaloneHubThatIsGoneIsNotTrusted() throws Exception {
        int port = Ports.free();
        Path keys = dir.resolve("hub");
        java.nio.file.Files.createDirectories(keys);
        long me = ProcessHandle.current().pid();
        // this pid is alive, but it is not the process that wrote the note (another start time)
        java.nio.file.Files.writeString(keys.resolve(HubDaemon.RUNNING), me + " " + port + " 12345\n");
        assertFalse(HubDaemon.runsOn(keys, port));
        List<String> notices = new ArrayList<>();
        try (ServerSocket other = new ServerSocket(port, 1, InetAddress.getLoopbackAddress());
             AgentLink link = SessionHub.start(HubConfig.defaults(port).withBindAddress("127.0.0.1").withKeyDir(keys),
                     dir.resolve("client"), notices::add)) {
            assertInstanceOf(Hub.class, link);
            assertEquals(1, notices.size(), notices.toString());
        }
    }

    @Test
    void aPortHeldByThisMachinesStandaloneHubMakesTheShellItsClient() {
        int port = Ports.free();
        List<String> notices = new ArrayList<>();
        HubConfig config = HubConfig.defaults(port).withBindAddress("127.0.0.1").withKeyDir(dir.resolve("hub"));
        try (Hub standalone = HubDaemon.start(config, dir.resolve("client"));
             AgentLink link = SessionHub.start(config, dir.resolve("client"), notices::add)) {
            assertTrue(HubDaemon.runsOn(config.keyDir(), port), "the standalone hub noted its pid and port");
            assertInstanceOf(HubClient.class, link);
            assertEquals("tcp://127.0.0.1:" + port, link.endpoint());
            assertEquals(List.of(), notices);
            assertTrue(standalone.keys().list().stream().noneMatch(e -> e.state() == KeyStore.State.PENDING));
        }
    }
}
