package dev.opsshell.remote.driver.physical;

import dev.opsshell.core.driver.DriverException;
import org.junit.jupiter.api.Test;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WakeOnLanTest {
    private static final String MAC = "52:54:00:ab:cd:ef";

    @Test
    void theMagicPacketIsSixFfBytesThenTheMacSixteenTimes() {
        byte[] packet = WakeOnLan.packet(MAC);
        assertEquals(102, packet.length);
        assertArrayEquals(SleepingMachine.expectedMagicPacket(MAC), packet);
    }

    @Test
    void aMacIsReadWithColonsDashesOrBareAndInEitherCase() {
        byte[] expected = {0x52, 0x54, 0x00, (byte) 0xab, (byte) 0xcd, (byte) 0xef};
        assertArrayEquals(expected, WakeOnLan.macBytes("52-54-00-AB-CD-EF"));
        assertArrayEquals(expected, WakeOnLan.macBytes("525400abcdef"));
        assertArrayEquals(expected, WakeOnLan.macBytes(" 52:54:00:Ab:cD:ef "));
    }

    @Test
    void aMalformedMacIsRefusedSayingHowToWriteOne() {
        for (String bad : new String[] {"52:54:00:ab:cd", "52:54:00:ab:cd:eg", "52:54-00:ab:cd:ef", "", null}) {
            DriverException e = assertThrows(DriverException.class, () -> WakeOnLan.packet(bad), String.valueOf(bad));
            assertTrue(e.getMessage().contains("six hex pairs, e.g. 52:54:00:12:34:56"), e.getMessage());
        }
    }

    @Test
    void theExact102BytesArriveAsOneDatagramAtTheBroadcastAddressAndPort() throws Exception {
        try (DatagramSocket lan = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            lan.setSoTimeout(10_000); // a bound on a lost datagram, not a wait for one
            WakeOnLan.send(MAC, InetAddress.getLoopbackAddress(), lan.getLocalPort());
            DatagramPacket p = new DatagramPacket(new byte[1500], 1500);
            lan.receive(p);
            assertEquals(102, p.getLength());
            assertArrayEquals(SleepingMachine.expectedMagicPacket(MAC), Arrays.copyOf(p.getData(), p.getLength()));
        }
    }
}
