package dev.opsshell.remote.hub;

import dev.opsshell.agent.protocol.CurveKeys;
import dev.opsshell.agent.protocol.KeyFingerprint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
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
    void anEntryEchoesAsItsNameStateAndFingerprint() {
        KeyStore store = new KeyStore(dir);
        String key = CurveKeys.generate().publicKey();
        store.addPending("web1", key);
        KeyStore.Entry accepted = store.accept("web1");
        assertEquals("web1 accepted " + KeyFingerprint.of(key), store.byName("web1").orElseThrow().toString());
        assertEquals(KeyFingerprint.of(key), accepted.fingerprint());
    }

    @Test
    void aPendingKeyIsNeverReplacedByAnotherKeyAskingForItsName() throws Exception {
        KeyStore store = new KeyStore(dir);
        String first = CurveKeys.generate().publicKey();
        String second = CurveKeys.generate().publicKey();
        assertInstanceOf(Enrolment.Filed.class, store.addPending("web1", first));
        Enrolment.NameTaken taken = assertInstanceOf(Enrolment.NameTaken.class, store.addPending("web1", second));
        assertEquals(first, taken.holder().key());
        assertEquals(first, read(dir.resolve("pending/web1")));
        assertTrue(store.byKey(second).isEmpty(), "the newcomer is not filed anywhere");
        assertEquals(first, store.accept("web1").key(), "accepting the name accepts the first key");
    }

    @Test
    void anAcceptedOrRejectedNameIsNotTakenByANewKeyEither() {
        KeyStore store = new KeyStore(dir);
        String owner = CurveKeys.generate().publicKey();
        store.allow("web1", owner);
        assertInstanceOf(Enrolment.NameTaken.class, store.addPending("web1", CurveKeys.generate().publicKey()));
        store.reject("web1");
        assertInstanceOf(Enrolment.NameTaken.class, store.addPending("web1", CurveKeys.generate().publicKey()));
        assertEquals(1, store.list().size(), store.list()::toString);
        assertEquals(owner, store.byName("web1").orElseThrow().key());
    }

    @Test
    void aNameFreedByTheOperatorMayBeAskedForByANewKey() {
        KeyStore store = new KeyStore(dir);
        store.addPending("web1", CurveKeys.generate().publicKey());
        store.delete("web1");
        String reinstalled = CurveKeys.generate().publicKey();
        assertInstanceOf(Enrolment.Filed.class, store.addPending("web1", reinstalled));
    }

    @Test
    void theSameKeyAskingAgainKeepsTheNameItHasWhateverItAsksForNow() {
        KeyStore store = new KeyStore(dir);
        String key = CurveKeys.generate().publicKey();
        store.addPending("web1", key);
        assertEquals(new KeyStore.Entry("web1", key, KeyStore.State.PENDING),
                assertInstanceOf(Enrolment.Known.class, store.addPending("web1", key)).entry());
        assertEquals("web1", assertInstanceOf(Enrolment.Known.class, store.addPending("web2", key)).entry().name());
        assertTrue(store.byName("web2").isEmpty());
    }

    @Test
    void acceptingWithTheFingerprintAcceptsOnlyThatKey() {
        KeyStore store = new KeyStore(dir);
        String key = CurveKeys.generate().publicKey();
        store.addPending("web1", key);
        String other = KeyFingerprint.of(CurveKeys.generate().publicKey());
        IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class, () -> store.accept("web1", other));
        assertTrue(wrong.getMessage().contains("has fingerprint " + KeyFingerprint.of(key) + ", not " + other),
                wrong.getMessage());
        assertEquals(KeyStore.State.PENDING, store.byKey(key).orElseThrow().state(), "nothing was accepted");
        assertEquals(KeyStore.State.ACCEPTED, store.accept("web1", KeyFingerprint.of(key)).state());
    }

    @Test
    void thePendingAreaHoldsAtMostItsLimitOfTinyFiles() throws Exception {
        KeyStore store = new KeyStore(dir, 3);
        for (int i = 0; i < 3; i++) {
            assertInstanceOf(Enrolment.Filed.class, store.addPending("flood" + i, CurveKeys.generate().publicKey()));
        }
        assertEquals(new Enrolment.Full(3), store.addPending("flood3", CurveKeys.generate().publicKey()));
        try (var files = Files.list(dir.resolve("pending"))) {
            List<Path> all = files.toList();
            assertEquals(3, all.size());
            for (Path f : all) assertEquals(41, Files.size(f), "a 40-character key and a newline");
        }
        store.reject("flood0");
        assertInstanceOf(Enrolment.Filed.class, store.addPending("flood3", CurveKeys.generate().publicKey()),
                "room again once the operator has dealt with one");
    }

    @Test
    void aFileThatIsNotAValidNameIsNotTakenForAKey() throws Exception {
        KeyStore store = new KeyStore(dir);
        Files.writeString(dir.resolve("pending/bad name\u001b[2J"), CurveKeys.generate().publicKey() + "\n");
        Files.writeString(dir.resolve("pending/.hidden"), CurveKeys.generate().publicKey() + "\n");
        assertTrue(store.list().isEmpty(), store.list()::toString);
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
        assertEquals("web1", assertInstanceOf(Enrolment.Known.class, store.addPending("impostor", key)).entry().name());
        assertTrue(store.byName("impostor").isEmpty());
    }

    @Test
    void namesThatCouldEscapeTheDirectoryAreRefused() {
        KeyStore store = new KeyStore(dir);
        String key = CurveKeys.generate().publicKey();
        for (String hostile : List.of("../etc/passwd", "..", ".", "a/b", "a\u0000b", "\u001b[2Jx", "", " web1",
                "x".repeat(129), "web1\n")) {
            assertThrows(IllegalArgumentException.class, () -> store.addPending(hostile, key), hostile);
        }
        assertTrue(store.list().isEmpty());
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
