package dev.opsshell.remote.ssh;

import java.util.Objects;

/**
 * Where one SSH connection goes: login user, address, port, and the jump host it is tunnelled
 * through (null for a direct connection). Connections are pooled by endpoint.
 */
public record Endpoint(String user, String address, int port, Endpoint jump) {

    public Endpoint {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(address, "address");
        if (port < 1 || port > 65535) throw new IllegalArgumentException("port out of range: " + port);
    }

    /** {@code address:port} ({@code [v6addr]:port}), as operators write it for ssh and parallel-ssh. */
    public String hostPort() {
        return hostPort(address, port);
    }

    /** {@code address:port}, with an IPv6 address in brackets so the port stays readable. */
    static String hostPort(String address, int port) {
        return (address.contains(":") ? "[" + address + "]" : address) + ":" + port;
    }

    @Override
    public String toString() {
        return user + "@" + hostPort() + (jump == null ? "" : " via " + jump);
    }
}
