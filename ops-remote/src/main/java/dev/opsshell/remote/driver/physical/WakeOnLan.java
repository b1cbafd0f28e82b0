package dev.opsshell.remote.driver.physical;

import dev.opsshell.core.driver.DriverException;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Wake-on-LAN: the magic packet (six bytes 0xFF, then the machine's MAC sixteen times, 102 bytes)
 * sent as one UDP datagram to a broadcast address. The network card of a sleeping or powered-off
 * machine with WoL enabled in its firmware powers it on when it sees its own MAC so repeated.
 */
public final class WakeOnLan {
    public static final int PACKET_BYTES = 6 + 16 * 6;

    private WakeOnLan() {
    }

    /** The six bytes of {@code aa:bb:cc:dd:ee:ff} (also {@code -} separated, or twelve hex digits). */
    public static byte[] macBytes(String mac) {
        String hex = mac == null ? "" : mac.strip().toLowerCase(Locale.ROOT);
        if (hex.matches("([0-9a-f]{2}:){5}[0-9a-f]{2}|([0-9a-f]{2}-){5}[0-9a-f]{2}")) hex = hex.replaceAll("[:-]", "");
        if (!hex.matches("[0-9a-f]{12}")) {
            throw new DriverException("'" + mac + "' is not a MAC address: write six hex pairs, e.g. 52:54:00:12:34:56"
                    + " (the 'mac' setting of a physical machine, the address of the card that wakes it)");
        }
        return HexFormat.of().parseHex(hex);
    }

    /** The 102-byte magic packet for a MAC. */
    public static byte[] packet(String mac) {
        byte[] address = macBytes(mac);
        byte[] packet = new byte[PACKET_BYTES];
        for (int i = 0; i < 6; i++) packet[i] = (byte) 0xFF;
        for (int copy = 0; copy < 16; copy++) System.arraycopy(address, 0, packet, 6 + copy * 6, 6);
        return packet;
    }

    /** Sends the magic packet for {@code mac} to {@code broadcast}:{@code port} (UDP, usually port 9). */
    public static void send(String mac, InetAddress broadcast, int port) {
        byte[] packet = packet(mac);
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.setBroadcast(true);
            socket.send(new DatagramPacket(packet, packet.length, broadcast, port));
        } catch (IOException e) {
            throw new DriverException("could not send the Wake-on-LAN packet for " + mac + " to "
                    + broadcast.getHostAddress() + ":" + port + ": " + e.getMessage()
                    + " (check the 'broadcast' setting: the broadcast address of the machine's network)", e);
        }
    }
}
