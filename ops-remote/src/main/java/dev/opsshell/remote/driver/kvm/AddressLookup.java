package dev.opsshell.remote.driver.kvm;

import dev.opsshell.core.driver.DriverException;
import dev.opsshell.core.driver.JobContext;
import org.libvirt.Domain;
import org.libvirt.Domain.InterfaceAddressesSource;
import org.libvirt.DomainInterface;
import org.libvirt.LibvirtException;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Finds a running domain's IPv4 address, waiting a bounded time: first the DHCP leases of its
 * libvirt network, then the qemu guest agent. Only interfaces with the domain's own MAC count
 * (leases of earlier guests linger in the network). Each round asks every source once; the wait
 * ends early when the job is cancelled; on timeout the error names each source and what it last
 * said. The test hypervisor answers every source with an address it makes up from the network
 * (192.168.122.x for its {@code default} network): real API answers, but no guest behind them.
 */
final class AddressLookup {
    private static final Duration ROUND = Duration.ofSeconds(1);

    private AddressLookup() {
    }

    static String await(String name, Domain domain, DomainFacts facts, Duration wait, JobContext job) {
        if (facts.macs().isEmpty()) {
            throw new DriverException("address of " + name + ": it has no network interface (kvm setting network is"
                    + " none), so there is no address to find; tried: nothing");
        }
        long deadline = System.nanoTime() + wait.toNanos();
        Map<String, String> tried = new LinkedHashMap<>();
        String leases = "DHCP leases of network " + String.join(",", facts.networks()) + " for MAC " + String.join(",", facts.macs());
        String agent = "qemu guest agent";
        while (true) {
            job.checkCancelled();
            Optional<String> found = ask(domain, InterfaceAddressesSource.VIR_DOMAIN_INTERFACE_ADDRESSES_SRC_LEASE, facts, leases, tried);
            if (found.isEmpty()) found = ask(domain, InterfaceAddressesSource.VIR_DOMAIN_INTERFACE_ADDRESSES_SRC_AGENT, facts, agent, tried);
            if (found.isPresent()) return found.get();
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                StringBuilder why = new StringBuilder();
                tried.forEach((source, said) -> why.append(why.length() == 0 ? "" : "; ").append(source).append(": ").append(said));
                throw new DriverException("address of " + name + ": none within " + wait.toSeconds() + " s; tried " + why
                        + ". Is the guest booted and its DHCP client running? Look at its console (virsh console " + name + ")");
            }
            pause(Math.min(left, ROUND.toNanos()), job);
        }
    }

    private static Optional<String> ask(Domain domain, int source, DomainFacts facts, String label, Map<String, String> tried) {
        try {
            for (DomainInterface i : domain.interfaceAddresses(source, 0)) {
                if (i.hwAddr == null || !facts.macs().contains(i.hwAddr.toLowerCase())) continue;
                for (DomainInterface.InterfaceAddress a : i.addrs) {
                    if (usable(a.address)) return Optional.of(a.address.getHostAddress());
                }
            }
            tried.put(label, "no address yet");
        } catch (LibvirtException e) {
            tried.put(label, LibvirtCall.message(e));
        }
        return Optional.empty();
    }

    private static boolean usable(InetAddress a) {
        return a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress();
    }

    private static void pause(long nanos, JobContext job) {
        try {
            Thread.sleep(Math.max(1, nanos / 1_000_000)); // the poll interval between rounds, bounded by the deadline
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DriverException("waiting for an address: interrupted (job " + job.jobId() + ")", e);
        }
    }
}
