package dev.opsshell.core.system;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A system ops manages: its record in the store. (Named Machine, not System, so that snippets at
 * the prompt keep {@code java.lang.System}.) {@code id} is a short random id matched by unique
 * prefix; {@code ref} is what the driver calls it (a libvirt domain name, an instance id), empty
 * until created; {@code error} is the last job's failure, empty once a job succeeds.
 */
public record Machine(String id, String hostname, String domain, String user, String os,
                      int cpu, int ramMb, List<Volume> volumes, String ip, String type,
                      Set<String> tags, MachineState state, DriverSection driver, String ref,
                      String error, Instant created) {
    public Machine {
        if (id == null || id.isBlank()) throw new IllegalArgumentException("a machine needs an id");
        if (hostname == null || hostname.isBlank()) throw new IllegalArgumentException("machine " + id + " needs a hostname");
        volumes = List.copyOf(volumes == null ? List.of() : volumes);
        tags = Set.copyOf(tags == null ? Set.of() : new TreeSet<>(tags));
        if (state == null) state = MachineState.NEW;
        if (driver == null) throw new IllegalArgumentException("machine " + id + " needs a driver section");
        if (created == null) created = Instant.now();
    }

    /** hostname.domain, or the hostname alone without a domain. */
    public String fqdn() {
        return domain == null || domain.isBlank() ? hostname : hostname + "." + domain;
    }

    public boolean hasIp() {
        return ip != null && !ip.isBlank();
    }

    public Machine withState(MachineState next) {
        return new Machine(id, hostname, domain, user, os, cpu, ramMb, volumes, ip, type, tags, next, driver, ref, error, created);
    }

    public Machine withIp(String next) {
        return new Machine(id, hostname, domain, user, os, cpu, ramMb, volumes, next, type, tags, state, driver, ref, error, created);
    }

    public Machine withRef(String next) {
        return new Machine(id, hostname, domain, user, os, cpu, ramMb, volumes, ip, type, tags, state, driver, next, error, created);
    }

    public Machine withError(String next) {
        return new Machine(id, hostname, domain, user, os, cpu, ramMb, volumes, ip, type, tags, state, driver, ref, next, created);
    }

    public Machine withDriver(DriverSection next) {
        return new Machine(id, hostname, domain, user, os, cpu, ramMb, volumes, ip, type, tags, state, next, ref, error, created);
    }

    public Machine withTags(Set<String> next) {
        return new Machine(id, hostname, domain, user, os, cpu, ramMb, volumes, ip, type, next, state, driver, ref, error, created);
    }

    @Override
    public String toString() {
        return id + " " + hostname + " " + state.word() + (hasIp() ? " " + ip : "") + " (" + driver.kind() + ")";
    }
}
