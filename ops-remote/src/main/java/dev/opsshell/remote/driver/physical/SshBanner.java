package dev.opsshell.remote.driver.physical;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * Whether an SSH server answers at an address: it sends its identification line
 * ({@code SSH-2.0-OpenSSH_9.2p1 …}) first thing after the TCP connection opens, before any login.
 * An open port that says something else (or nothing) is not SSH. Nothing is sent to the server.
 */
final class SshBanner {
    /** RFC 4253: the identification line is at most 255 characters with its CR LF. */
    private static final int MAX_LINE = 255;

    private SshBanner() {
    }

    /** The server's identification line, or empty when nothing SSH answers within {@code timeout}. */
    static Optional<String> read(String address, int port, Duration timeout) {
        int millis = (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), millis);
            socket.setSoTimeout(millis);
            return firstLine(socket.getInputStream()).filter(line -> line.startsWith("SSH-"));
        } catch (IOException e) {
            return Optional.empty(); // refused, unreachable, timed out: no SSH there now
        }
    }

    /** RFC 4253 lets a server send other lines before its identification; those are skipped. */
    private static Optional<String> firstLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int total = 0;
        for (int b; (b = in.read()) != -1 && total < 8 * MAX_LINE; total++) {
            if (b == '\n') {
                String text = line.toString().strip();
                if (text.startsWith("SSH-")) return Optional.of(text);
                line.setLength(0);
            } else if (line.length() < MAX_LINE) {
                line.append((char) b);
            }
        }
        return Optional.empty();
    }
}
