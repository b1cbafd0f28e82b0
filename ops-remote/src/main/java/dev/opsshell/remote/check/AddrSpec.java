package dev.opsshell.remote.check;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** goss's addr key: {@code tcp://host:port} or {@code udp://host:port} ({@code [v6]:port} too). */
final class AddrSpec {
    private static final Pattern FORM = Pattern.compile("(tcp|udp)://(\\[[0-9a-fA-F:.]+]|[A-Za-z0-9_.-]+):(\\d{1,5})");

    private AddrSpec() {
    }

    /** protocol, host, port. */
    static String[] parse(String spec) {
        Matcher m = FORM.matcher(spec.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("addr '" + spec + "': write tcp://HOST:PORT or udp://HOST:PORT");
        }
        String host = m.group(2).startsWith("[") ? m.group(2).substring(1, m.group(2).length() - 1) : m.group(2);
        return new String[]{m.group(1), host, m.group(3)};
    }
}
