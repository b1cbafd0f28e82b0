package com.neilalexander.jnacl.crypto;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.spec.NamedParameterSpec;
import java.security.spec.XECPrivateKeySpec;
import java.security.spec.XECPublicKeySpec;
import java.util.Arrays;
import javax.crypto.KeyAgreement;

/**
 * ops' stand-in for jnacl 1.0.0's {@code curve25519} class, which jeromq's CURVE handshakes call
 * through {@code curve25519xsalsa20poly1305}: the same two entry points, computed by the JDK's
 * X25519 (RFC 7748) instead of jnacl's port of NaCl's reference code. That code took three
 * quarters of the CPU of a hub accepting a new client (about 13 scalar multiplications between
 * client and hub, 1.3 ms each here; the JDK's take 0.15 ms).
 *
 * <p>The results are jnacl's for every key a CURVE peer can hold (Curve25519Test compares them
 * with the jar's own class). Where jnacl's reference code differed from RFC 7748 this follows the
 * RFC, as libsodium (and so libzmq) does: the top bit of a u-coordinate is ignored. A point of
 * small order gives all zeros, as it did in jnacl (the JDK refuses it); the box built on it then
 * fails to authenticate.
 *
 * <p>Found before jnacl's own class because ops-agent comes first on every class path; the shaded
 * ops-agent.jar leaves jnacl's out (see JeromqPatch). Not a copy of jnacl's code.
 */
public class curve25519 {
    /** Tells dev.opsshell.agent.protocol.JeromqPatch that this class, not jnacl's, was loaded. */
    public static final String OPS_PATCH = "jdk-x25519";

    private static final byte[] BASE_POINT = new byte[32];
    private static final ThreadLocal<KeyFactory> KEYS = ThreadLocal.withInitial(() -> get(() -> KeyFactory.getInstance("XDH")));
    private static final ThreadLocal<KeyAgreement> AGREEMENTS =
            ThreadLocal.withInitial(() -> get(() -> KeyAgreement.getInstance("X25519")));

    static {
        BASE_POINT[0] = 9;
    }

    /** {@code q = n * 9}: the public key of secret key {@code n}. Returns 0, as jnacl's does. */
    public static int crypto_scalarmult_base(byte[] q, byte[] n) {
        return crypto_scalarmult(q, n, BASE_POINT);
    }

    /** {@code q = n * p}, 32 little-endian bytes each (the scalar clamped as RFC 7748 says). Returns 0. */
    public static int crypto_scalarmult(byte[] q, byte[] n, byte[] p) {
        byte[] u = new byte[32];
        for (int i = 0; i < 32; i++) u[i] = p[31 - i]; // big-endian for BigInteger
        u[0] &= 0x7f;
        try {
            KeyFactory keys = KEYS.get();
            KeyAgreement agreement = AGREEMENTS.get();
            agreement.init(keys.generatePrivate(new XECPrivateKeySpec(NamedParameterSpec.X25519, Arrays.copyOf(n, 32))));
            agreement.doPhase(keys.generatePublic(new XECPublicKeySpec(NamedParameterSpec.X25519, new BigInteger(1, u))),
                    true);
            System.arraycopy(agreement.generateSecret(), 0, q, 0, 32);
        } catch (InvalidKeyException e) {
            Arrays.fill(q, 0, 32, (byte) 0); // a point of small order: jnacl's result
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK's X25519 failed", e);
        }
        return 0;
    }

    private interface Lookup<T> {
        T get() throws GeneralSecurityException;
    }

    private static <T> T get(Lookup<T> lookup) {
        try {
            return lookup.get();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK has no X25519 (needs Java 11 or newer)", e);
        }
    }
}
