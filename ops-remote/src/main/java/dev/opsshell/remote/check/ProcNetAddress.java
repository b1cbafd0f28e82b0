package dev.opsshell.remote.check;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * An address as /proc/net/tcp{,6} writes it (hex, 32-bit words in host byte order) read back as
 * text the way goss prints it: dotted IPv4, IPv6 in RFC 5952 form ({@code ::}, {@code ::1}).
 */
final class ProcNetAddress {
    private ProcNetAddress() {
    }

    static String ip(String hex) {
        byte[] bytes = new byte[hex.length() / 2];
        for (int word = 0; word < bytes.length / 4; word++) {
            for (int i = 0; i < 4; i++) {
                int at = (word * 4 + (3 - i)) * 2; // little-endian within each word
                bytes[word * 4 + i] = (byte) Integer.parseInt(hex.substring(at, at + 2), 16);
            }
        }
        try {
            InetAddress a = InetAddress.getByAddress(bytes); // a v4-mapped v6 address comes back as IPv4, as in Go
            return bytes.length == 16 && a.getAddress().length == 16 ? v6(a.getAddress()) : a.getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an address from /proc/net: " + hex, e);
        }
    }

    private static String v6(byte[] b) {
        int[] g = new int[8];
        for (int i = 0; i < 8; i++) g[i] = ((b[2 * i] & 0xff) << 8) | (b[2 * i + 1] & 0xff);
        int bestStart = -1;
        int bestLen = 1;
        for (int i = 0; i < 8; ) {
            int j = i;
            while (j < 8 && g[j] == 0) j++;
            if (j - i > bestLen) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                s.append("::");
                i += bestLen - 1;
                continue;
            }
            if (s.length() > 0 && s.charAt(s.length() - 1) != ':') s.append(':');
            s.append(Integer.toHexString(g[i]));
        }
        return s.toString();
    }
}
