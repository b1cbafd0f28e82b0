package dev.opsshell.remote.ssh;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

/**
 * A public key an ssh-agent holds: its type ({@code ssh-ed25519}, {@code ssh-rsa}, a certificate
 * type…), the key blob exactly as the agent sent it (sent back verbatim when asking it to sign) and
 * the comment it was added with. Compared by blob.
 */
record AgentKey(String type, byte[] blob, String comment) {

    AgentKey {
        blob = blob.clone();
    }

    @Override
    public byte[] blob() {
        return blob.clone();
    }

    boolean sameKey(byte[] publicBlob) {
        return Arrays.equals(blob, publicBlob);
    }

    /** {@code SHA256:…}, as {@code ssh-add -l} shows it. */
    String fingerprint() {
        try {
            byte[] sha = MessageDigest.getInstance("SHA-256").digest(blob);
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(sha);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AgentKey k && Arrays.equals(blob, k.blob);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(blob);
    }

    /** {@code ssh-ed25519 SHA256:… (comment)}; control characters in the comment are dropped. */
    @Override
    public String toString() {
        String c = comment.replaceAll("\\p{Cntrl}", "");
        return type + " " + fingerprint() + (c.isEmpty() ? "" : " (" + c + ")");
    }
}
