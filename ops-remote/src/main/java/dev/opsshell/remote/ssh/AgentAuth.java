package dev.opsshell.remote.ssh;

import net.schmizz.sshj.common.Buffer;
import net.schmizz.sshj.common.Message;
import net.schmizz.sshj.common.SSHPacket;
import net.schmizz.sshj.transport.TransportException;
import net.schmizz.sshj.userauth.UserAuthException;
import net.schmizz.sshj.userauth.method.AbstractAuthMethod;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * sshj's {@code publickey} method for one key held by an ssh-agent: like sshj's own
 * {@code AuthPublickey}, it first asks whether the server would accept the key, and only when it
 * would (USERAUTH_PK_OK) has the agent sign the request. The agent's signature is sent as it came.
 * RSA keys are offered as {@code rsa-sha2-512}, then {@code rsa-sha2-256} (OpenSSH servers refuse
 * SHA-1 {@code ssh-rsa} signatures since 8.8); every other type, certificates and security keys
 * included, under its own name, since the agent does the signing.
 */
final class AgentAuth extends AbstractAuthMethod {
    private final AgentClient agent;
    private final AgentKey key;
    private final Deque<String> algorithms;

    AgentAuth(AgentClient agent, AgentKey key) {
        super("publickey");
        this.agent = agent;
        this.key = key;
        this.algorithms = new ArrayDeque<>(algorithms(key.type()));
    }

    static List<String> algorithms(String type) {
        return switch (type) {
            case "ssh-rsa" -> List.of("rsa-sha2-512", "rsa-sha2-256");
            case "ssh-rsa-cert-v01@openssh.com" ->
                    List.of("rsa-sha2-512-cert-v01@openssh.com", "rsa-sha2-256-cert-v01@openssh.com");
            default -> List.of(type);
        };
    }

    static int signFlags(String algorithm) {
        if (algorithm.startsWith("rsa-sha2-512")) return AgentClient.RSA_SHA2_512;
        if (algorithm.startsWith("rsa-sha2-256")) return AgentClient.RSA_SHA2_256;
        return 0;
    }

    @Override
    public void handle(Message cmd, SSHPacket buf) throws UserAuthException, TransportException {
        if (cmd == Message.USERAUTH_60) sendSigned();
        else super.handle(cmd, buf);
    }

    /** The query: would the server take this key? No signature yet. */
    @Override
    protected SSHPacket buildReq() throws UserAuthException {
        return withKey(super.buildReq().putBoolean(false));
    }

    /** The server refused this algorithm: try the key's next one, if any. */
    @Override
    public boolean shouldRetry() {
        algorithms.poll();
        return !algorithms.isEmpty();
    }

    private SSHPacket withKey(SSHPacket request) {
        return request.putString(algorithms.getFirst()).putString(key.blob());
    }

    private void sendSigned() throws UserAuthException, TransportException {
        SSHPacket request = withKey(super.buildReq().putBoolean(true));
        byte[] signed = new Buffer.PlainBuffer()
                .putString(params.getTransport().getSessionID())
                .putBuffer(request)
                .getCompactData();
        try {
            request.putString(agent.sign(key.blob(), signed, signFlags(algorithms.getFirst())));
        } catch (IOException e) {
            throw new UserAuthException(agent + " could not sign with " + key + ": " + e.getMessage(), e);
        }
        params.getTransport().write(request);
    }

    @Override
    public String toString() {
        return "agent key " + key;
    }
}
