package dev.opsshell.core.host;

import dev.opsshell.core.Session;
import dev.opsshell.core.facts.Facts;
import dev.opsshell.core.facts.GatherFacts;
import dev.opsshell.core.pipeline.Exec;
import dev.opsshell.core.pipeline.Operation;
import dev.opsshell.core.result.Results;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * An immutable, ordered group of hosts and the transport to reach them by. The operator's main
 * handle: {@code hosts("web").exec("uptime").pretty()}.
 *
 * @param name what the group was selected as (a pattern, a group name), for titles
 * @param list the hosts, in inventory order, without duplicates
 * @param via  the transport to use for every host, or null to choose per host
 *             (inventory variable {@code ops_transport}, local for localhost, ssh otherwise)
 */
public record Hosts(String name, List<Host> list, String via) implements Iterable<Host> {

    public Hosts {
        Objects.requireNonNull(name, "name");
        Set<String> seen = new LinkedHashSet<>();
        List<Host> unique = new ArrayList<>();
        for (Host h : list) {
            if (seen.add(h.name())) unique.add(h);
        }
        list = List.copyOf(unique);
    }

    public static Hosts of(String name, List<Host> hosts) {
        return new Hosts(name, hosts, null);
    }

    /** The same hosts, reached through the named transport ({@code "ssh"}, {@code "local"}, {@code "agent"}). */
    public Hosts via(String transport) {
        return new Hosts(name, list, transport);
    }

    /**
     * Runs any operation, a built-in or one written at the prompt, on these hosts. The session
     * records the results, so a script's exit code reflects every step it took.
     */
    public Results run(Operation operation) {
        return session().record(operation.run(this), operation);
    }

    /** Runs a shell command on every host in parallel. */
    public Results exec(String command) {
        return run(Exec.of(command));
    }

    /** Runs a shell command through sudo (password asked once if needed, never echoed). */
    public Results sudo(String command) {
        return run(Exec.sudo(command));
    }

    /** The hosts that satisfy a test, as a new group. */
    public Hosts filter(Predicate<Host> test) {
        return new Hosts(name + "|filtered", list.stream().filter(test).toList(), via);
    }

    /**
     * The hosts whose facts pass a test, gathered now in one round trip per host:
     * {@code hosts("all").where(f -> f.os().is("debian"))}. A host whose facts cannot be read is
     * left out, and its failure is recorded in the session (so a script's exit code shows it).
     */
    public Hosts where(Predicate<Facts> test) {
        return GatherFacts.gather(this).where(test).hosts();
    }

    /** The hosts whose names are listed, in this group's order. */
    public Hosts only(Set<String> names, String newName) {
        return new Hosts(newName, list.stream().filter(h -> names.contains(h.name())).toList(), via);
    }

    public List<String> names() {
        return list.stream().map(Host::name).toList();
    }

    public int size() {
        return list.size();
    }

    public boolean isEmpty() {
        return list.isEmpty();
    }

    public Host get(String hostName) {
        return list.stream().filter(h -> h.name().equals(hostName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no host '" + hostName + "' in " + name
                        + "; it has " + NodeSet.fold(names())));
    }

    /** The transport name to reach {@code host} by, following {@code via} or the host's own choice. */
    public String transportFor(Host host) {
        if (via != null) return via;
        return host.var("ops_transport").orElse(host.isLocal() ? "local" : "ssh");
    }

    public Session session() {
        return Session.current();
    }

    @Override
    public Iterator<Host> iterator() {
        return list.iterator();
    }

    @Override
    public String toString() {
        return "Hosts " + name + " (" + list.size() + "): " + NodeSet.fold(names())
                + (via == null ? "" : " via " + via);
    }
}
