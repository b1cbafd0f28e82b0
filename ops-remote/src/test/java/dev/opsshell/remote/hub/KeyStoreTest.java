package dev.opsshell.remote.hub;

import dev.opsshell.agent.protocol.CurveKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KeyStoreTest {
    @TempDir
    Path dir;

    @Test
    void anUnknownKeyIsFiledAsPendingUnderTheNameItAskedFor() {
        KeyStore store = new KeyStore(dir);
        String key = CurveKeys.generate().publicKey();
        store.addPending("web1", key);
        assertEquals(KeyStore.State.PENDING, store.byKey(key).orElseThrow().state());
        assertEquals(key, read(dir.resolve("pending/web1")));
    }

    @Test
    void anEntryEchoesAsItsNameStateAndAShortKeyPrefix() {
        KeyStore store = new KeyStore(dir);
        String key = CurveKeys.generate().publicKey();
        store.addPending("web1", key);
        KeyStore.Entry accepted = store.accept("web1");
        assertEquals("web1 accepted (key " + key.substring(0, 8) + "…)", store.byName("web1").orElseThrow().toString());
        assertFalse(accepted.toString().contains(key), "the echo shows a prefix, not the whole key");
    }

    @Test
    void acceptingMovesTheKeyAndRejectingMovesItAgain() {
        KeyStore store = new KeyStore(dir);
        String key = CurveKeys.generate().publicKey();
        store.addPending("web1", key);
        store.accept("web1");
        assertEquals(KeyStore.State.ACCEPTED, store.byName("web1").orElseThrow().state());
        assertFalse(Files.exists(dir.resolve("pending/web1")));
        store.reject("web1");
        assertEquals(KeyStore.State.REJECTED, store.byKey(key).orElseThrow().state());
        store.delete("web1");
        assertTrue(store.byKey(key).isEmpty());
        assertTrue(store.list().isEmpty());
    }

    @Test
    void changesMadeByAnotherProcessAreSeenAtTheNextLookup() throws Exception {
        KeyStore store = new KeyStore(dir);
        String key = CurveKeys.generate().publicKey();
        store.addPending("db1", key);
        assertEquals(KeyStore.State.PENDING, store.byKey(key).orElseThrow().state());
        new KeyStore(dir).accept("db1"); // as `ops keys accept db1` would, from another process
        assertEquals(KeyStore.State.ACCEPTED, store.byKey(key).orElseThrow().state());
    }

    @Test
    void aKnownKeyIsNotFiledAgainUnderAnotherName() {
        KeyStore store = new KeyStore(dir);
        String key = CurveKeys.generate().publicKey();
        store.allow("web1", key);
        assertEquals("web1", store.addPending("impostor", key).name());
        assertTrue(store.byName("impostor").isEmpty());
    }

    @Test
    void namesThatCouldEscapeTheDirectoryAreRefused() {
        KeyStore store = new KeyStore(dir);
        String key = CurveKeys.generate().publicKey();
        assertThrows(IllegalArgumentException.class, () -> store.addPending("../etc/passwd", key));
        assertThrows(IllegalArgumentException.class, () -> store.accept("a/b"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> store.accept("ghost"));
        assertTrue(e.getMessage().contains("ops keys list"), e.getMessage());
    }

    private static String read(Path f) {
        try {
            return Files.readString(f).strip();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
