package dev.opsshell.core.driver;

import dev.opsshell.core.system.Machine;

import java.time.Duration;
import java.util.List;

/**
 * What ops asks of a place machines live (libvirt, a rack of physical machines, EC2). Every
 * method is safe to call again after an interruption: create finds its own leftovers by the
 * machine's id and cleans or reuses them, destroy of an absent machine succeeds. A failure is a
 * {@link DriverException} whose message is the system's failure. Thread-safe: jobs call one
 * driver from several workers. Found through {@link DriverProvider} and {@link Drivers}.
 */
public interface Driver extends AutoCloseable {
    /** The section kind this driver serves: {@code kvm}, {@code physical}, {@code aws}. */
    String kind();

    /**
     * Makes the machine and starts it; returns it with the driver's reference set. Whatever this
     * made before failing is removed again (or named in the exception for cleanup).
     */
    Instance create(Machine machine, JobContext job);

    void start(Machine machine, JobContext job);

    /** Asks the machine to shut down; after {@code graceful} without it stopping, forces it off. */
    void stop(Machine machine, Duration graceful, JobContext job);

    void reboot(Machine machine, JobContext job);

    /** What the driver says about the machine now ({@link InstanceState#ABSENT} when gone). */
    Instance status(Machine machine);

    /**
     * The machine's address, waiting at most {@code wait} for it to appear; the exception on
     * timeout names every source that was tried (DHCP leases, guest agent, the API).
     */
    String address(Machine machine, Duration wait, JobContext job);

    /** Removes the machine and what was made for it (volumes, cloud-init data). Absent is fine. */
    void destroy(Machine machine, JobContext job);

    /** Every machine at this driver's connection, for sync; {@link Instance#systemId()} tells ops's own. */
    List<Instance> list();

    /** False for drivers that only manage existing machines (physical): create and destroy refuse. */
    default boolean creates() {
        return true;
    }

    @Override
    default void close() {
    }
}
