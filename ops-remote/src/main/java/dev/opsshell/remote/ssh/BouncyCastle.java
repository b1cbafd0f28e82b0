package dev.opsshell.remote.ssh;

import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.Security;

/**
 * BouncyCastle as a fallback JCA provider, added only when an ECDSA key needs it: sshj reads
 * ECDSA keys with BouncyCastle's curve tables and asks for an "ECDSA" key factory, which the JDK
 * does not have. Everything else (curve25519, AES, SHA-2, RSA, and ed25519 through sshj's own
 * library) runs on the JDK's providers, because registering BouncyCastle costs about half a second
 * of CPU at startup (a signed jar to verify and some 500 classes), which is most of a cold
 * {@code ops exec}. Added last, so the JDK keeps serving what it has.
 */
final class BouncyCastle {
    private static volatile boolean added;

    private BouncyCastle() {
    }

    /** Adds the provider unless it is there already; cheap after the first call. */
    static void ensure() {
        if (added) return;
        synchronized (BouncyCastle.class) {
            if (added) return;
            if (Security.getProvider("BC") == null) Security.addProvider(newProvider());
            added = true;
        }
    }

    /** True when the provider was already added (by this class or by anyone else). */
    static boolean present() {
        return added || Security.getProvider("BC") != null;
    }

    /**
     * True when a failure looks like a missing algorithm that BouncyCastle provides while it is not
     * yet added: the caller adds it and tries once more.
     */
    static boolean wouldHelp(Throwable failure) {
        if (present()) return false;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof GeneralSecurityException) return true;
            if (t.getCause() == t) break;
        }
        return false;
    }

    /** By name: sshj brings bcprov in at run time only. */
    private static Provider newProvider() {
        try {
            return (Provider) Class.forName("org.bouncycastle.jce.provider.BouncyCastleProvider")
                    .getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new IllegalStateException("BouncyCastle (bcprov, which sshj depends on) is missing from the class"
                    + " path; ECDSA keys cannot be read without it. Reinstall ops or use ed25519/RSA keys", e);
        }
    }
}
