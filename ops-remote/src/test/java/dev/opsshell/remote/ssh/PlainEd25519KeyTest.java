package dev.opsshell.remote.ssh;

import com.hierynomus.sshj.userauth.keyprovider.OpenSSHKeyV1KeyFile;
import com.hierynomus.sshj.signature.SignatureEdDSA;
import net.schmizz.sshj.common.Buffer;
import net.schmizz.sshj.signature.Signature;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlainEd25519KeyTest {
    @TempDir
    Path tmp;

    private Path keygen(String type, String passphrase) throws Exception {
        Path key = tmp.resolve("id_" + type + (passphrase.isEmpty() ? "" : "_enc"));
        Process p = new ProcessBuilder("ssh-keygen", "-q", "-t", type, "-N", passphrase, "-C", "test", "-f", key.toString())
                .redirectErrorStream(true).start();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "ssh-keygen finished");
        assertEquals(0, p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        return key;
    }

    @Test
    void anUnencryptedEd25519KeyReadsAsTheSameKeysSshjReads() throws Exception {
        Path file = keygen("ed25519", "");
        KeyPair mine = PlainEd25519Key.read(Files.readString(file));
        assertNotNull(mine);
        OpenSSHKeyV1KeyFile sshj = new OpenSSHKeyV1KeyFile();
        sshj.init(file.toFile());
        assertEquals(sshj.getPublic(), mine.getPublic());
        assertArrayEquals(sshj.getPrivate().getEncoded(), mine.getPrivate().getEncoded());

        Signature sign = new SignatureEdDSA.Factory().create();
        sign.initSign(mine.getPrivate());
        sign.update("data".getBytes(StandardCharsets.UTF_8));
        byte[] signature = new Buffer.PlainBuffer().putString("ssh-ed25519").putBytes(sign.encode(sign.sign()))
                .getCompactData(); // the wire form, as a server receives it
        Signature verify = new SignatureEdDSA.Factory().create();
        verify.initVerify(sshj.getPublic());
        verify.update("data".getBytes(StandardCharsets.UTF_8));
        assertTrue(verify.verify(signature), "a signature made with the key verifies with sshj's public key");
    }

    @Test
    void keysWithAPassphraseOrOfOtherTypesAreLeftToSshj() throws Exception {
        assertNull(PlainEd25519Key.read(Files.readString(keygen("ed25519", "secret-phrase"))));
        assertNull(PlainEd25519Key.read(Files.readString(keygen("ecdsa", ""))));
        assertNull(PlainEd25519Key.read("not a key at all"));
        assertNull(PlainEd25519Key.read("-----BEGIN OPENSSH PRIVATE KEY-----\n!!!!\n-----END OPENSSH PRIVATE KEY-----\n"));
        assertNull(PlainEd25519Key.read("-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAA=\n-----END OPENSSH PRIVATE KEY-----\n"));
    }
}
