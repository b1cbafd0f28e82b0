package dev.opsshell.core.facts;

import dev.opsshell.core.host.Hosts;
import dev.opsshell.core.result.Result;
import dev.opsshell.core.result.Results;
import dev.opsshell.core.text.Columns;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The facts of a group of hosts, host by host, next to the results that gathered them:
 * <pre>{@code
 * var f = facts(hosts("all"));                          // echoes a table
 * f.where(x -> x.os().is("debian")).hosts().exec("apt-get -v");
 * f.get("web1").memory().total();
 * f.results().failed();                                  // hosts whose facts could not be read
 * }</pre>
 */
public final class FactsResults {
    private final Results results;
    private final Map<String, Facts> facts;

    public FactsResults(Results results, Map<String, Facts> facts) {
        this.results = results;
        Map<String, Facts> ordered = new LinkedHashMap<>();
        for (Result r : results) {
            Facts f = facts.get(r.host().name());
            if (f != null) ordered.put(r.host().name(), f);
        }
        this.facts = ordered;
    }

    /** How gathering went on each host: a host without facts has its reason here. */
    public Results results() {
        return results;
    }

    /** The facts of every host that answered, in host order. */
    public List<Facts> list() {
        return List.copyOf(facts.values());
    }

    public Facts get(String host) {
        Facts f = facts.get(host);
        if (f != null) return f;
        Result r = results.get(host);
        throw new IllegalArgumentException("no facts for '" + host + "': " + r.outcome().label() + " " + r.summary().strip());
    }

    public Optional<Facts> find(String host) {
        return Optional.ofNullable(facts.get(host));
    }

    /** The facts that pass {@code test}; hosts without facts never do. */
    public FactsResults where(Predicate<Facts> test) {
        Map<String, Facts> kept = new LinkedHashMap<>();
        facts.forEach((host, f) -> {
            if (test.test(f)) kept.put(host, f);
        });
        return new FactsResults(results.where(r -> kept.containsKey(r.host().name())), kept);
    }

    /** The hosts these facts are for, reached as before: where the next step runs. */
    public Hosts hosts() {
        return results.where(r -> facts.containsKey(r.host().name())).hosts();
    }

    public int size() {
        return facts.size();
    }

    /** One row per host: os, kernel, arch, cpus, memory, swap, disk use of /, addresses, uptime, load, virtualisation. */
    public String table() {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"HOST", "OS", "KERNEL", "ARCH", "CPUS", "MEMORY", "SWAP", "ROOT", "ADDRESSES", "UP", "LOAD", "VIRT"});
        for (Result r : results) {
            Facts f = facts.get(r.host().name());
            if (f == null) {
                rows.add(new String[] {r.host().name(), "✗ " + r.outcome().label() + ": " + firstLine(r.summary())});
                continue;
            }
            String root = f.mounts().stream().filter(m -> m.path().equals("/")).findFirst()
                    .map(m -> Bytes.human(m.size()) + " " + m.percentUsed() + "%").orElse("");
            rows.add(new String[] {f.host(), f.os().toString(), f.kernel(), f.arch(), Integer.toString(f.cpus()),
                    f.memory().toString(), f.swap().toString(), root,
                    String.join(",", f.publicAddresses().stream().map(a -> a.address()).toList()),
                    Bytes.duration(f.uptime()), Double.toString(f.load().one()), f.virtualisation()});
        }
        return Columns.render(rows) + results.summary() + "\n";
    }

    private static String firstLine(String s) {
        String t = s.strip();
        int nl = t.indexOf('\n');
        return nl < 0 ? t : t.substring(0, nl);
    }

    @Override
    public String toString() {
        return table().stripTrailing();
    }
}
