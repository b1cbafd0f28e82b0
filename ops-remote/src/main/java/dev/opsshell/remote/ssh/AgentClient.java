package dev.opsshell.remote.ssh;

import dev.opsshell.core.text.Durations;
import net.schmizz.sshj.common.Buffer;

import java.io.EOFException;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One connection to an ssh-agent over its Unix socket ({@code SSH_AUTH_SOCK}), speaking the two
 * requests a client needs from draft-miller-ssh-agent: list the keys (REQUEST_IDENTITIES 11 →
 * IDENTITIES_ANSWER 12) and sign with one (SIGN_REQUEST 13 → SIGN_RESPONSE 14). Private keys never
 * leave the agent. Every read and write waits at most {@code timeout}, so an agent that hangs (one
 * waiting for a confirmation nobody gives) fails the login instead of blocking it. Thread-safe:
 * requests are answered in order, one at a time.
 */
final class AgentClient implements AutoCloseable {
    /** Sign flags asking for an RSA signature with SHA-256 or SHA-512 instead of SHA-1. */
    static final int RSA_SHA2_256 = 2;
    static final int RSA_SHA2_512 = 4;

    private static final byte FAILURE = 5;
    private static final byte REQUEST_IDENTITIES = 11;
    private static final byte IDENTITIES_ANSWER = 12;
    private static final byte SIGN_REQUEST = 13;
    private static final byte SIGN_RESPONSE = 14;
    /** OpenSSH's own limit for one agent message. */
    private static final int MAX_MESSAGE = 256 * 1024;

    private final Path socket;
    private final SocketChannel channel;
    private final Selector selector;
    private final SelectionKey key;
    private final long timeoutNanos;

    private AgentClient(Path socket, SocketChannel channel, Selector selector, Duration timeout) throws IOException {
        this.socket = socket;
        this.channel = channel;
        this.selector = selector;
        this.timeoutNanos = timeout.toNanos();
        channel.configureBlocking(false);
        this.key = channel.register(selector, 0);
    }

    /** Connects to the agent listening at {@code socket}; fails with the reason when nothing answers there. */
    static AgentClient open(Path socket, Duration timeout) throws IOException {
        SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            channel.connect(UnixDomainSocketAddress.of(socket));
            return new AgentClient(socket, channel, Selector.open(), timeout);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** The keys the agent holds, in the agent's order. */
    synchronized List<AgentKey> identities() throws IOException {
        Buffer.PlainBuffer answer = request(REQUEST_IDENTITIES, new byte[0], IDENTITIES_ANSWER, "list its keys");
        try {
            long count = answer.readUInt32();
            List<AgentKey> keys = new ArrayList<>();
            for (long i = 0; i < count; i++) {
                byte[] blob = answer.readBytes();
                String comment = answer.readString();
                keys.add(new AgentKey(new Buffer.PlainBuffer(blob).readString(), blob, comment));
            }
            return List.copyOf(keys);
        } catch (Buffer.BufferException e) {
            throw new IOException("ssh-agent at " + socket + " sent a malformed key list", e);
        }
    }

    /** The agent's signature of {@code data} with the key {@code blob}: SSH's (format, signature) pair, encoded. */
    synchronized byte[] sign(byte[] blob, byte[] data, int flags) throws IOException {
        byte[] body = new Buffer.PlainBuffer().putBytes(blob).putBytes(data).putUInt32(flags).getCompactData();
        Buffer.PlainBuffer answer = request(SIGN_REQUEST, body, SIGN_RESPONSE, "sign");
        try {
            return answer.readBytes();
        } catch (Buffer.BufferException e) {
            throw new IOException("ssh-agent at " + socket + " sent a malformed signature", e);
        }
    }

    private Buffer.PlainBuffer request(byte type, byte[] body, byte expected, String what) throws IOException {
        long deadline = System.nanoTime() + timeoutNanos;
        ByteBuffer out = ByteBuffer.allocate(5 + body.length).putInt(1 + body.length).put(type).put(body).flip();
        while (out.hasRemaining()) {
            if (channel.write(out) == 0) await(SelectionKey.OP_WRITE, deadline, what);
        }
        ByteBuffer length = ByteBuffer.allocate(4);
        read(length, deadline, what);
        int n = length.flip().getInt();
        if (n < 1 || n > MAX_MESSAGE) throw new IOException("ssh-agent at " + socket + " sent a message of " + n + " bytes");
        ByteBuffer message = ByteBuffer.allocate(n);
        read(message, deadline, what);
        byte answer = message.get(0);
        if (answer != expected) {
            throw new IOException("ssh-agent at " + socket + (answer == FAILURE ? " refused to " + what
                    : " answered with message " + answer + " when asked to " + what));
        }
        Buffer.PlainBuffer b = new Buffer.PlainBuffer(message.array());
        b.rpos(1);
        return b;
    }

    private void read(ByteBuffer into, long deadline, String what) throws IOException {
        while (into.hasRemaining()) {
            int n = channel.read(into);
            if (n < 0) throw new EOFException("ssh-agent at " + socket + " closed the connection when asked to " + what);
            if (n == 0) await(SelectionKey.OP_READ, deadline, what);
        }
    }

    private void await(int op, long deadline, String what) throws IOException {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw new SocketTimeoutException("ssh-agent at " + socket + " did not answer within "
                    + Durations.spoken(Duration.ofNanos(timeoutNanos)) + " when asked to " + what);
        }
        key.interestOps(op);
        selector.select(Math.max(1, left / 1_000_000));
        selector.selectedKeys().clear();
    }

    @Override
    public void close() {
        try {
            selector.close();
            channel.close();
        } catch (IOException e) {
            // a broken socket is being dropped either way; nothing was in flight that matters
        }
    }

    @Override
    public String toString() {
        return "ssh-agent at " + socket;
    }
}
