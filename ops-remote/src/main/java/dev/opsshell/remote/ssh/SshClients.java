package dev.opsshell.remote.ssh;

import com.hierynomus.sshj.transport.cipher.BlockCiphers;
import com.hierynomus.sshj.transport.cipher.GcmCiphers;
import net.schmizz.keepalive.KeepAliveProvider;
import net.schmizz.sshj.Config;
import net.schmizz.sshj.DefaultConfig;
import net.schmizz.sshj.common.Factory;
import net.schmizz.sshj.common.SecurityUtils;
import net.schmizz.sshj.transport.kex.KeyExchange;

import javax.net.SocketFactory;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/**
 * The sshj configuration every connection shares: curve25519-sha256 key exchange first (far
 * cheaper than the alternatives, and what dominates a fan-out to many hosts), AES-GCM then AES-CTR
 * (the JDK's, no cipher probing at startup), the JDK's crypto providers rather than BouncyCastle
 * (see {@link BouncyCastle}), keep-alive packets, and sockets with TCP_NODELAY (small SSH packets
 * are not held back by Nagle's algorithm, which cut login from about 58 to 15 ms on loopback).
 */
final class SshClients {
    /** Seconds between keep-alive requests on an idle pooled connection. */
    static final int KEEP_ALIVE_SECONDS = 15;

    static {
        // sshj would register BouncyCastle and route every algorithm through it; the JDK's are
        // enough and much cheaper to start. BouncyCastle is added on demand for ECDSA keys.
        SecurityUtils.setRegisterBouncyCastle(false);
    }

    private static volatile Config shared;

    private SshClients() {
    }

    /** The one configuration for all connections (sshj only reads it), built on first use. */
    static Config config() {
        Config c = shared;
        if (c == null) {
            synchronized (SshClients.class) {
                if (shared == null) shared = build();
                c = shared;
            }
        }
        return c;
    }

    private static Config build() {
        DefaultConfig config = new Fixed();
        List<Factory.Named<KeyExchange>> kex = new ArrayList<>(config.getKeyExchangeFactories());
        kex.sort((a, b) -> Boolean.compare(!a.getName().startsWith("curve25519-sha256"),
                !b.getName().startsWith("curve25519-sha256")));
        config.setKeyExchangeFactories(kex);
        config.setKeepAliveProvider(KeepAliveProvider.KEEP_ALIVE);
        return config;
    }

    /**
     * sshj's defaults with a fixed cipher list: {@code DefaultConfig} instantiates and initialises
     * some thirty ciphers to see which the providers support, which costs tens of milliseconds
     * and loads BouncyCastle. These are all in every JDK and every OpenSSH since 6.2; CBC comes
     * last for old network gear.
     */
    private static final class Fixed extends DefaultConfig {
        @Override
        protected void initCipherFactories() {
            setCipherFactories(GcmCiphers.AES128GCM(), GcmCiphers.AES256GCM(),
                    BlockCiphers.AES128CTR(), BlockCiphers.AES192CTR(), BlockCiphers.AES256CTR(),
                    BlockCiphers.AES128CBC(), BlockCiphers.AES192CBC(), BlockCiphers.AES256CBC());
        }
    }

    /** Plain sockets with TCP_NODELAY (auth went from ~58 to ~15 ms here) and keep-alive, set on each. */
    static final SocketFactory NO_DELAY = new SocketFactory() {
        @Override
        public Socket createSocket() throws IOException {
            return tuned(new Socket());
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return tuned(new Socket(host, port));
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            return tuned(new Socket(host, port, localHost, localPort));
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return tuned(new Socket(host, port));
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
                throws IOException {
            return tuned(new Socket(address, port, localAddress, localPort));
        }
    };

    private static Socket tuned(Socket s) throws IOException {
        s.setTcpNoDelay(true);
        s.setKeepAlive(true);
        return s;
    }
}
