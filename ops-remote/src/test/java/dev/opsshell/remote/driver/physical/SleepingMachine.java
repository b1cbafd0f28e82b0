package dev.opsshell.remote.driver.physical;

import org.apache.sshd.common.keyprovider.FileKeyPairProvider;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.apache.sshd.server.config.keys.AuthorizedKeysAuthenticator;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for a physical machine on loopback: a UDP socket on 127.0.0.1 plays the LAN's
 * broadcast address and records every datagram; the magic packet for this machine's MAC "powers
 * it on", which starts an in-process MINA SSHD with a fixed host key (written to a known_hosts the
 * test hands to ops) that logs in only the client key. Its {@code shutdown -h now} exits 0 and
 * then powers it off (the server stops: the port refuses); {@code shutdown -r now} powers it off
 * and on again. Every command line it receives is recorded.
 */
final class SleepingMachine implements AutoCloseable {
    final String mac;
    private final byte[] magic;
    private final DatagramSocket lan;
    private final int sshPort;
    private final Path hostKey;
    private final Path authorizedKeys;
    private final List<byte[]> datagrams = new CopyOnWriteArrayList<>();
    private final List<String> commands = new CopyOnWriteArrayList<>();
    private final Thread listener;
    private volatile SshServer server;
    private volatile boolean ignoreShutdown;
    private volatile boolean dropBeforeAnswering;

    /** {@code dir} must hold {@code host_key} (OpenSSH private key) and {@code client_key.pub}. */
    SleepingMachine(String mac, Path dir) throws IOException {
        this.mac = mac;
        this.magic = expectedMagicPacket(mac);
        this.hostKey = dir.resolve("host_key");
        this.authorizedKeys = dir.resolve("client_key.pub");
        this.sshPort = freeTcpPort();
        this.lan = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        this.listener = new Thread(this::listen, "sleeping-machine-lan");
        listener.setDaemon(true);
        listener.start();
    }

    /** The magic packet written out by hand here, not by the code under test: 6 x 0xFF, then 16 x the MAC. */
    static byte[] expectedMagicPacket(String mac) {
        byte[] address = HexFormat.of().parseHex(mac.replace(":", ""));
        byte[] packet = new byte[102];
        Arrays.fill(packet, 0, 6, (byte) 0xFF);
        for (int i = 0; i < 16; i++) System.arraycopy(address, 0, packet, 6 + 6 * i, 6);
        return packet;
    }

    private static int freeTcpPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** The UDP port standing for the broadcast address's Wake-on-LAN port. */
    int lanPort() {
        return lan.getLocalPort();
    }

    int sshPort() {
        return sshPort;
    }

    List<byte[]> datagrams() {
        return List.copyOf(datagrams);
    }

    List<String> commands() {
        return List.copyOf(commands);
    }

    boolean poweredOn() {
        SshServer s = server;
        return s != null && s.isOpen();
    }

    /** Its shutdown commands still exit 0, but the machine stays up (a hung shutdown). */
    void ignoreShutdown() {
        ignoreShutdown = true;
    }

    /** Its shutdown powers off before the command's exit status is sent, as a machine killing sshd often does. */
    void dropBeforeAnswering() {
        dropBeforeAnswering = true;
    }

    private void listen() {
        byte[] buffer = new byte[1500];
        while (!lan.isClosed()) {
            DatagramPacket p = new DatagramPacket(buffer, buffer.length);
            try {
                lan.receive(p);
            } catch (IOException e) {
                return; // closed by close()
            }
            byte[] data = Arrays.copyOf(p.getData(), p.getLength());
            datagrams.add(data);
            if (Arrays.equals(data, magic)) powerOn();
        }
    }

    synchronized void powerOn() {
        if (poweredOn()) return;
        SshServer s = SshServer.setUpDefaultServer();
        s.setHost("127.0.0.1");
        s.setPort(sshPort);
        s.setKeyPairProvider(new FileKeyPairProvider(hostKey));
        s.setPublickeyAuthenticator(new AuthorizedKeysAuthenticator(authorizedKeys));
        s.setCommandFactory((channel, line) -> new Shutdown(line));
        try {
            s.start();
        } catch (IOException e) {
            throw new UncheckedIOException("the stand-in machine's SSH server did not start on " + sshPort, e);
        }
        server = s;
    }

    synchronized void powerOff() {
        SshServer s = server;
        if (s == null) return;
        try {
            s.stop(true);
        } catch (IOException e) {
            throw new UncheckedIOException("the stand-in machine's SSH server did not stop", e);
        }
        server = null;
    }

    /**
     * A rebooting machine: its port takes a connection but says no SSH banner (ops reads that as
     * down), and the first connection there boots it. So it comes back only after ops saw it gone,
     * however fast or slow the test machine runs.
     */
    private void bootWhenSeenDown() {
        try (ServerSocket booting = new ServerSocket()) {
            booting.setReuseAddress(true);
            booting.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), sshPort));
            booting.accept().close();
        } catch (IOException e) {
            throw new UncheckedIOException("the stand-in machine could not reboot on port " + sshPort, e);
        }
        powerOn();
    }

    @Override
    public void close() {
        lan.close();
        powerOff();
    }

    /** Answers every command with exit 0; a shutdown then powers the machine off (and on, for -r). */
    private final class Shutdown implements Command {
        private final String line;
        private ExitCallback exit;

        Shutdown(String line) {
            this.line = line;
        }

        @Override
        public void start(ChannelSession channel, Environment env) {
            commands.add(line);
            boolean shutdown = !ignoreShutdown && line.contains("shutdown -");
            if (shutdown && dropBeforeAnswering) {
                // no exit status ever: the server goes with the command's channel still open
                Thread t = new Thread(SleepingMachine.this::powerOff, "sleeping-machine-drop");
                t.setDaemon(true);
                t.start();
                return;
            }
            exit.onExit(0);
            if (!shutdown) return;
            boolean reboot = line.contains("shutdown -r now");
            // off the server's own threads: stopping a server from its session thread waits on itself
            Thread t = new Thread(() -> {
                powerOff();
                if (reboot) bootWhenSeenDown();
            }, "sleeping-machine-shutdown");
            t.setDaemon(true);
            t.start();
        }

        @Override
        public void destroy(ChannelSession channel) {
            // nothing held
        }

        @Override
        public void setExitCallback(ExitCallback callback) {
            this.exit = callback;
        }

        @Override
        public void setInputStream(InputStream in) {
            // commands read no input
        }

        @Override
        public void setOutputStream(OutputStream out) {
            // commands print nothing
        }

        @Override
        public void setErrorStream(OutputStream err) {
            // nothing on stderr
        }
    }

    /** Writes {@code host_key}, {@code client_key} and the known_hosts line for this machine into {@code dir}. */
    static void keys(Path dir) throws IOException, InterruptedException {
        for (String name : List.of("host_key", "client_key")) {
            Process p = new ProcessBuilder("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "test-" + name,
                    "-f", dir.resolve(name).toString()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (p.waitFor() != 0) throw new IOException("ssh-keygen failed: " + out);
        }
    }

    /** The known_hosts line that trusts this machine's host key at its SSH port. */
    String knownHostsLine(Path dir) throws IOException {
        String[] pub = Files.readString(dir.resolve("host_key.pub")).strip().split("\\s+");
        return "[127.0.0.1]:" + sshPort + " " + pub[0] + " " + pub[1] + "\n";
    }
}
