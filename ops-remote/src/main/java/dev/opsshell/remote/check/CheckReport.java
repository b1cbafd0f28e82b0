package dev.opsshell.remote.check;

import dev.opsshell.core.host.Host;
import dev.opsshell.core.host.Hosts;
import dev.opsshell.core.result.Result;
import dev.opsshell.core.result.Results;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every check's verdict on every host, in host order then check order. Echoed at the prompt it
 * prints like {@link #pretty()}; {@link #exitCode()} is what {@code ops check} exits with.
 */
public final class CheckReport {
    private final Hosts hosts;
    private final Results runs;
    private final List<CheckResult> results;

    CheckReport(Hosts hosts, Results runs, List<CheckResult> results) {
        this.hosts = hosts;
        this.runs = runs;
        this.results = List.copyOf(results);
    }

    public List<CheckResult> results() {
        return results;
    }

    /** Each host's check results, in host order. */
    public Map<Host, List<CheckResult>> byHost() {
        Map<Host, List<CheckResult>> m = new LinkedHashMap<>();
        for (Result r : runs) m.put(r.host(), results.stream().filter(c -> c.host().equals(r.host())).toList());
        return m;
    }

    /** The probe script's run on each host (transport, time, connection problems). */
    public Results runs() {
        return runs;
    }

    public List<CheckResult> failed() {
        return results.stream().filter(c -> c.verdict() == Verdict.FAIL || c.verdict() == Verdict.ERROR).toList();
    }

    public boolean allPassed() {
        return failed().isEmpty();
    }

    public long count(Verdict v) {
        return results.stream().filter(c -> c.verdict() == v).count();
    }

    /**
     * 0 every check passed (or was skipped) on every host; 4 some host could not be reached or
     * refused (4 wins); 5 some check failed or could not be answered.
     */
    public int exitCode() {
        if (runs.list().stream().anyMatch(r -> r.outcome().isConnectionProblem())) return 4;
        return allPassed() ? 0 : 5;
    }

    /** One result per host for pipelines: ok when every check passed there. */
    public Results asResults() {
        Map<Host, List<CheckResult>> by = byHost();
        List<Result> list = runs.list().stream().map(r -> CheckRun.verdict(r, by.get(r.host()))).toList();
        return new Results("check", hosts, list, runs.wall());
    }

    public CheckReport pretty() {
        return print(CheckFormats.pretty(this));
    }

    /** One JSON object per check per line (for jq). */
    public CheckReport json() {
        return print(CheckFormats.json(this));
    }

    /** Test Anything Protocol, one test per check per host. */
    public CheckReport tap() {
        return print(CheckFormats.tap(this));
    }

    /** JUnit XML: a testsuite per host. */
    public CheckReport junit() {
        return print(JunitReport.xml(this));
    }

    /** Writes the JUnit XML to a file (for CI). */
    public CheckReport junit(java.nio.file.Path file) {
        try {
            java.nio.file.Files.writeString(file, JunitReport.xml(this));
            return this;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot write the JUnit report to " + file + ": " + e.getMessage(), e);
        }
    }

    private CheckReport print(String text) {
        hosts.session().out().print(text);
        hosts.session().out().flush();
        return this;
    }

    @Override
    public String toString() {
        return CheckFormats.pretty(this).stripTrailing();
    }
}
