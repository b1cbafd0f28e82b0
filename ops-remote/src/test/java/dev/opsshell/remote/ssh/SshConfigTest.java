package dev.opsshell.remote.ssh;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SshConfigTest {
    private static final SshConfig CONFIG = SshConfig.parse("""
            # comment
            Host web-* !web-legacy
                User deploy
                Port 2200
                IdentityFile ~/.ssh/web_%h
            Host web-01
                HostName 10.0.0.1
                User ignored-because-first-wins
            Host db?
                HostName=db.internal
                ProxyJump ops@bastion:2222
            Match host anything
                User from-match
            Host *
                IdentityFile "/keys/default key"
                ProxyJump none
            """);

    @Test
    void theFirstValueForAKeywordWinsAndIdentityFilesAccumulate() {
        SshConfig.Entry e = CONFIG.lookup("web-01");
        assertEquals(Optional.of("deploy"), e.user());
        assertEquals(Optional.of(2200), e.port());
        assertEquals(Optional.of("10.0.0.1"), e.hostName());
        assertEquals(List.of(System.getProperty("user.home") + "/.ssh/web_10.0.0.1", "/keys/default key"),
                e.identityFiles());
    }

    @Test
    void negatedPatternsExcludeAHost() {
        SshConfig.Entry e = CONFIG.lookup("web-legacy");
        assertEquals(Optional.empty(), e.user());
        assertEquals(List.of("/keys/default key"), e.identityFiles());
    }

    @Test
    void questionMarkMatchesOneCharacterAndEqualsSignsSeparateValues() {
        SshConfig.Entry e = CONFIG.lookup("db1");
        assertEquals(Optional.of("db.internal"), e.hostName());
        assertEquals(Optional.of("ops@bastion:2222"), e.proxyJump());
        assertEquals(Optional.empty(), CONFIG.lookup("db12").hostName());
    }

    @Test
    void proxyJumpNoneMeansNoJumpAndMatchBlocksAreSkipped() {
        SshConfig.Entry e = CONFIG.lookup("other");
        assertEquals(Optional.empty(), e.proxyJump());
        assertEquals(Optional.empty(), e.user());
    }

    @Test
    void hostPatternsMatchCaseInsensitively() {
        assertTrue(SshConfig.matches(List.of("WEB-*"), "web-02"));
    }

    @Test
    void aPortThatIsNotANumberIsAClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SshConfig.parse("Host x\n Port ssh\n").lookup("x"));
        assertTrue(e.getMessage().contains("Port must be a number"), e.getMessage());
    }
}
