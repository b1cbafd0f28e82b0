package dev.opsshell.core.result;

import dev.opsshell.core.host.Host;
import dev.opsshell.core.host.Hosts;
import dev.opsshell.core.pipeline.Operation;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Every host's result of one operation, in host order: a value to look at, filter and pass on.
 * <pre>{@code
 * Results r = hosts("web").exec("cat /etc/os-release");
 * r.successful();                   // the hosts that exited 0, as Results
 * r.successful().exec("df -h /");   // the next step, on those hosts only
 * r.failed().hosts();               // the hosts that did not, as Hosts
 * r.failure();                      // {exit code -> results}, as Re-mote grouped them
 * }</pre>
 * Results run the next step on their own hosts, as {@link Hosts} do ({@link #exec}, {@link #run}),
 * so narrowing first ({@code successful()}, {@code failed()}, {@code where(…)}) picks where it runs.
 * Echoed at the prompt it prints like {@link #pretty()}.
 */
public final class Results implements Iterable<Result> {
    private final String title;
    private final Hosts hosts;
    private final List<Result> list;
    private final Duration wall;
    private volatile boolean shown;

    public Results(String title, Hosts hosts, List<Result> list, Duration wall) {
        this.title = Objects.requireNonNull(title, "title");
        this.hosts = Objects.requireNonNull(hosts, "hosts");
        this.list = List.copyOf(list);
        this.wall = Objects.requireNonNull(wall, "wall");
    }

    public String title() {
        return title;
    }

    /** The hosts these results are for, reached the same way as the group they came from. */
    public Hosts hosts() {
        return hosts.only(list.stream().map(r -> r.host().name()).collect(Collectors.toSet()), hosts.name());
    }

    public List<Result> list() {
        return list;
    }

    public Duration wall() {
        return wall;
    }

    public int size() {
        return list.size();
    }

    public Result get(String hostName) {
        return list.stream().filter(r -> r.host().name().equals(hostName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no result for '" + hostName + "' in " + title));
    }

    /** The results that pass {@code test}, as Results (keeping the title and transport choice). */
    public Results where(Predicate<Result> test) {
        return new Results(title, hosts, list.stream().filter(test).toList(), wall);
    }

    public Results successful() {
        return where(Result::ok);
    }

    public Results failed() {
        return where(r -> !r.ok());
    }

    public boolean allOk() {
        return list.stream().allMatch(Result::ok);
    }

    /** The hosts whose result passes {@code test}: where the next step should run. */
    public Hosts pick(Predicate<Result> test) {
        List<Host> picked = list.stream().filter(test).map(Result::host).toList();
        return new Hosts(hosts.name(), picked, hosts.via());
    }

    /** Runs the next operation on the hosts that succeeded here. */
    public Results then(Operation next) {
        return pick(Result::ok).run(next);
    }

    /** Runs an operation on these results' hosts (all of them: narrow first with successful() or failed()). */
    public Results run(Operation operation) {
        return hosts().run(operation);
    }

    /** Runs a shell command on these results' hosts: {@code r.successful().exec("systemctl restart app")}. */
    public Results exec(String command) {
        return hosts().exec(command);
    }

    /** Runs a shell command through sudo on these results' hosts. */
    public Results sudo(String command) {
        return hosts().sudo(command);
    }

    public Map<Outcome, List<Result>> byOutcome() {
        Map<Outcome, List<Result>> m = new EnumMap<>(Outcome.class);
        for (Result r : list) m.computeIfAbsent(r.outcome(), k -> new java.util.ArrayList<>()).add(r);
        return m;
    }

    /** Every result grouped by exit code; hosts where nothing exited are under -1. */
    public Map<Integer, List<Result>> byExit() {
        return list.stream().collect(Collectors.groupingBy(Result::exitCode, TreeMap::new, Collectors.toList()));
    }

    /** The failures grouped by exit code (-1: not reached, timed out, error), like Re-mote's failure map. */
    public Map<Integer, List<Result>> failure() {
        return failed().byExit();
    }

    /**
     * The process exit code for this run: 0 all ok, 4 if any host was unreachable, refused auth or
     * its host key, timed out or errored, else 5 if any exited non-zero.
     */
    public int exitCode() {
        if (list.stream().anyMatch(r -> r.outcome().isConnectionProblem())) return 4;
        if (list.stream().anyMatch(r -> r.outcome() == Outcome.FAILED)) return 5;
        return 0;
    }

    /**
     * Prints ✔/✗ per group of hosts that said the same (apart from naming themselves), what they
     * said, and a summary line; returns this. Colours stderr when the session writes to a terminal,
     * labels it {@code stderr:} otherwise.
     */
    public Results pretty() {
        hosts.session().out().print(prettyText(hosts.session().colour()));
        hosts.session().out().flush();
        shown = true;
        return this;
    }

    /** Prints one JSON object per host per line (for jq); returns this. */
    public Results json() {
        hosts.session().out().print(JsonFormat.lines(this));
        hosts.session().out().flush();
        shown = true;
        return this;
    }

    /** Prints an aligned table: host, outcome, exit, time, transport, first output line; returns this. */
    public Results table() {
        hosts.session().out().print(TableFormat.render(this));
        hosts.session().out().flush();
        shown = true;
        return this;
    }

    /** True once printed by pretty/json/table, so the shell does not echo it a second time. */
    public boolean shown() {
        return shown;
    }

    /** What {@link #pretty()} prints: with {@code colour}, stderr in red (ANSI) instead of labelled. */
    public String prettyText(boolean colour) {
        return PrettyFormat.render(this, colour);
    }

    /** The summary line: counts by outcome and wall time. */
    public String summary() {
        return PrettyFormat.summary(this);
    }

    @Override
    public Iterator<Result> iterator() {
        return list.iterator();
    }

    @Override
    public String toString() {
        return prettyText(false).stripTrailing();
    }
}
