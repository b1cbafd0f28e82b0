package dev.opsshell.remote.ssh;

import net.schmizz.sshj.common.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The agent protocol against an in-process socket that answers (or does not) as the test says. */
class AgentClientTest {
    @TempDir
    Path tmp;

    /** Accepts one client, reads one request and answers it with {@code reply} (null: never answers). */
    private CompletableFuture<byte[]> agent(Path socket, ServerSocketChannel server, byte[] reply) {
        return CompletableFuture.supplyAsync(() -> {
            try (SocketChannel c = server.accept()) {
                ByteBuffer len = ByteBuffer.allocate(4);
                while (len.hasRemaining()) c.read(len);
                ByteBuffer request = ByteBuffer.allocate(len.flip().getInt());
                while (request.hasRemaining()) c.read(request);
                if (reply == null) {
                    c.read(ByteBuffer.allocate(1)); // hold the connection until the client gives up
                    return request.array();
                }
                c.write(ByteBuffer.allocate(4 + reply.length).putInt(reply.length).put(reply).flip());
                return request.array();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private ServerSocketChannel listen(Path socket) throws IOException {
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        return server;
    }

    @Test
    void theKeyListIsReadAsTheAgentSendsIt() throws Exception {
        Path socket = tmp.resolve("agent.sock");
        byte[] blob = new Buffer.PlainBuffer().putString("ssh-ed25519").putBytes(new byte[32]).getCompactData();
        byte[] answer = new Buffer.PlainBuffer().putByte((byte) 12).putUInt32(1).putBytes(blob).putString("me@laptop")
                .getCompactData();
        try (ServerSocketChannel server = listen(socket)) {
            CompletableFuture<byte[]> request = agent(socket, server, answer);
            try (AgentClient client = AgentClient.open(socket, Duration.ofSeconds(30))) {
                List<AgentKey> keys = client.identities();
                assertEquals(1, keys.size());
                assertEquals("ssh-ed25519", keys.get(0).type());
                assertEquals("me@laptop", keys.get(0).comment());
                assertArrayEquals(blob, keys.get(0).blob());
            }
            assertArrayEquals(new byte[] {11}, request.get(), "REQUEST_IDENTITIES");
        }
    }

    @Test
    void anAgentThatRefusesToSignIsAnErrorSayingSo() throws Exception {
        Path socket = tmp.resolve("agent.sock");
        try (ServerSocketChannel server = listen(socket)) {
            agent(socket, server, new byte[] {5});
            try (AgentClient client = AgentClient.open(socket, Duration.ofSeconds(30))) {
                IOException e = assertThrows(IOException.class, () -> client.sign(new byte[] {1}, new byte[] {2}, 4));
                assertTrue(e.getMessage().contains("refused to sign"), e.getMessage());
            }
        }
    }

    @Test
    void anAgentThatNeverAnswersFailsTheRequestAtTheTimeout() throws Exception {
        Path socket = tmp.resolve("agent.sock");
        try (ServerSocketChannel server = listen(socket)) {
            agent(socket, server, null);
            try (AgentClient client = AgentClient.open(socket, Duration.ofMillis(200))) {
                SocketTimeoutException e = assertThrows(SocketTimeoutException.class, client::identities);
                assertTrue(e.getMessage().contains("did not answer"), e.getMessage());
            }
        }
    }

    @Test
    void aSocketNobodyListensOnCannotBeOpened() {
        assertThrows(IOException.class, () -> AgentClient.open(tmp.resolve("nothing.sock"), Duration.ofSeconds(1)));
    }

    @Test
    void rsaKeysAskForSha2SignaturesAndOtherTypesSignUnderTheirOwnName() {
        assertEquals(List.of("rsa-sha2-512", "rsa-sha2-256"), AgentAuth.algorithms("ssh-rsa"));
        assertEquals(AgentClient.RSA_SHA2_512, AgentAuth.signFlags("rsa-sha2-512"));
        assertEquals(AgentClient.RSA_SHA2_256, AgentAuth.signFlags("rsa-sha2-256-cert-v01@openssh.com"));
        assertEquals(List.of("sk-ssh-ed25519@openssh.com"), AgentAuth.algorithms("sk-ssh-ed25519@openssh.com"));
        assertEquals(0, AgentAuth.signFlags("ssh-ed25519"));
    }
}
