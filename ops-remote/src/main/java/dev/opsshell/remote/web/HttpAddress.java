package dev.opsshell.remote.web;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/**
 * Where the report's HTTP server listens, from {@code [ADDR:]PORT}: {@code 9464} is
 * {@code 127.0.0.1:9464} (this machine only), {@code 0.0.0.0:9464} or {@code [::]:9464} every
 * interface, which must be asked for. Port 0 takes any free port.
 */
public record HttpAddress(String host, int port) {
    public static final String USAGE = "expected [ADDRESS:]PORT, e.g. 9464 (127.0.0.1 only) or 0.0.0.0:9464 (every interface)";

    public HttpAddress {
        if (port < 0 || port > 65535) throw new IllegalArgumentException("port " + port + " is out of range 0-65535; " + USAGE);
    }

    public static HttpAddress parse(String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) throw new IllegalArgumentException("no address given; " + USAGE);
        int colon = t.lastIndexOf(':');
        String host = colon < 0 ? "127.0.0.1" : t.substring(0, colon);
        String port = colon < 0 ? t : t.substring(colon + 1);
        if (host.startsWith("[") && host.endsWith("]")) host = host.substring(1, host.length() - 1);
        if (host.isEmpty() || host.contains("[") || host.contains("]") || (colon >= 0 && host.contains(":") && !t.startsWith("["))) {
            throw new IllegalArgumentException("'" + text + "' is not an address; " + USAGE + " (an IPv6 address in brackets: [::1]:9464)");
        }
        try {
            return new HttpAddress(host, Integer.parseInt(port));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + port + "' is not a port number; " + USAGE, e);
        }
    }

    /** The socket address, the host resolved. */
    InetSocketAddress socketAddress() {
        try {
            return new InetSocketAddress(InetAddress.getByName(host), port);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("cannot resolve '" + host + "' to listen on; " + USAGE, e);
        }
    }
}
