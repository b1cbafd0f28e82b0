package dev.opsshell.agent.protocol;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PeerTextTest {

    @Test
    void terminalEscapesAndOtherControlCharactersAreDropped() {
        assertEquals("[2J]0;pwnedx", PeerText.clean("\u001b[2J\u001b]0;pwned\u0007x", 100));
        assertEquals("ab", PeerText.clean("a\u009bb", 100), "C1 CSI");
        assertEquals("ab", PeerText.clean("a\u0000\r\n\tb\u007f", 100));
        assertEquals("evil.txt", PeerText.clean("evil\u202e.txt", 100), "a bidi override hides what follows");
        assertEquals("ab", PeerText.clean("a\u200bb\u2028", 100), "zero-width space, line separator");
        assertEquals("ab", PeerText.clean("a\ud800b", 100), "an unpaired surrogate");
    }

    @Test
    void ordinaryTextIncludingNonLatinLettersIsKeptAsItIs() {
        assertEquals("Debian GNU/Linux 12 (bookworm) — Zürich 東京 😀",
                PeerText.clean("Debian GNU/Linux 12 (bookworm) — Zürich 東京 😀", 100));
        assertNull(PeerText.clean(null, 10));
    }

    @Test
    void longTextIsCutWithAnEllipsis() {
        assertEquals("abc…", PeerText.clean("abcdef", 3));
        assertEquals("abc", PeerText.clean("abc", 3));
    }

    @Test
    void aMapKeepsAtMostItsLimitOfCleanedEntriesAndDropsEmptyKeys() {
        Map<String, String> in = new LinkedHashMap<>();
        in.put("os\u001b[31m", "Linux\u0007");
        in.put("\u001b", "no key left");
        in.put("k2", null);
        in.put("k3", "v3");
        Map<String, String> out = PeerText.clean(in, 2, 10, 10);
        assertEquals(Map.of("os[31m", "Linux", "k2", ""), out);
        assertTrue(PeerText.clean((Map<String, String>) null, 2, 2, 2).isEmpty());
    }
}
