package dev.opsshell.remote.driver.physical;

import dev.opsshell.core.driver.DriverException;
import dev.opsshell.core.system.DriverSection;
import dev.opsshell.core.system.Machine;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;

/**
 * A physical machine's settings, read from its {@code physical} section: {@code mac} (the card that
 * wakes it), {@code broadcast} (where the Wake-on-LAN packet goes, default 255.255.255.255),
 * {@code port} (its UDP port, default 9), {@code address} (the SSH host), {@code user} (default:
 * the machine's user, else the SSH default), {@code ssh_port} (default 22), {@code key} (a private
 * key file, default: the usual ones) and {@code start_timeout} (seconds to wait for SSH after the
 * wake-up, default 300).
 */
record PhysicalSection(String mac, String broadcast, int wolPort, String address, int sshPort, String user,
                       String key, Duration startTimeout) {
    static final String KIND = "physical";

    static PhysicalSection of(Machine machine) {
        DriverSection s = machine.driver();
        if (!KIND.equals(s.kind())) {
            throw new DriverException("machine " + machine.id() + " has a '" + s.kind() + "' section, not 'physical'");
        }
        String address = s.get("address");
        if (address == null || address.isBlank()) {
            throw new DriverException("physical machine " + machine.hostname() + " has no 'address': set it to the"
                    + " host name or IP that SSH reaches it at");
        }
        String user = s.get("user", machine.user());
        return new PhysicalSection(s.get("mac"), s.get("broadcast", "255.255.255.255"),
                number(s, "port", 9, 1, 65535), address.strip(), number(s, "ssh_port", 22, 1, 65535),
                user == null || user.isBlank() ? null : user, s.get("key"),
                Duration.ofSeconds(number(s, "start_timeout", 300, 1, 86_400)));
    }

    /** The broadcast address to send the wake-up to; the MAC must be set and well formed. */
    InetAddress wakeTarget(String hostname) {
        if (mac == null || mac.isBlank()) {
            throw new DriverException("physical machine " + hostname + " has no 'mac': set it to the MAC address of"
                    + " the network card that wakes it (Wake-on-LAN enabled in its firmware)");
        }
        WakeOnLan.macBytes(mac); // a malformed MAC fails here, before anything is sent
        try {
            return InetAddress.getByName(broadcast);
        } catch (UnknownHostException e) {
            throw new DriverException("physical machine " + hostname + ": 'broadcast' " + broadcast
                    + " is not an address (use the broadcast address of its network, e.g. 192.168.1.255)", e);
        }
    }

    /** {@code address:ssh_port}, as messages name it. */
    String sshTarget() {
        return (address.contains(":") ? "[" + address + "]" : address) + ":" + sshPort;
    }

    private static int number(DriverSection s, String key, int fallback, int min, int max) {
        String text = s.get(key);
        if (text == null || text.isBlank()) return fallback;
        int n;
        try {
            n = Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw notInRange(key, text, min, max);
        }
        if (n < min || n > max) throw notInRange(key, text, min, max);
        return n;
    }

    private static DriverException notInRange(String key, String text, int min, int max) {
        return new DriverException("physical setting '" + key + "' must be a whole number from " + min + " to " + max
                + ", got '" + text + "'");
    }
}
