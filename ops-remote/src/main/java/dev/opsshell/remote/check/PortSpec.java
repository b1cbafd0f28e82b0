package dev.opsshell.remote.check;

import java.util.Set;

/** goss's port key: {@code tcp:22}, {@code tcp6:22}, {@code udp:53}, {@code udp6:53}, or {@code 22} (tcp). */
record PortSpec(String protocol, int number) {
    private static final Set<String> PROTOCOLS = Set.of("tcp", "tcp6", "udp", "udp6");

    static PortSpec parse(String spec) {
        String[] parts = spec.contains(":") ? spec.split(":", 2) : new String[]{"tcp", spec};
        if (!PROTOCOLS.contains(parts[0])) {
            throw new IllegalArgumentException("port '" + spec + "': the protocol is one of tcp, tcp6, udp, udp6 (tcp:22)");
        }
        try {
            int n = Integer.parseInt(parts[1].strip());
            if (n < 1 || n > 65535) throw new NumberFormatException();
            return new PortSpec(parts[0], n);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("port '" + spec + "': the port is a number from 1 to 65535 (tcp:22)");
        }
    }

    @Override
    public String toString() {
        return protocol + ":" + number;
    }
}
