package dev.opsshell.remote.check;

import dev.opsshell.core.Session;
import dev.opsshell.core.host.Host;
import dev.opsshell.core.host.Hosts;
import dev.opsshell.core.pipeline.Operation;
import dev.opsshell.core.result.Result;
import dev.opsshell.core.result.Results;
import dev.opsshell.core.run.Fanout;
import dev.opsshell.core.transport.Command;
import dev.opsshell.core.transport.OutputSink;
import dev.opsshell.core.transport.Settings;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks run on hosts: one script per host through its transport (SSH, agent or local), in
 * parallel, so every check on a host costs one round trip. As an {@link Operation} in a pipeline
 * each host's result is ok when all its checks passed ({@code pick(failed())} finds the others);
 * {@link #report(Hosts)} keeps every check's verdict.
 */
public final class CheckRun implements Operation {
    private final List<Check> checks;

    public CheckRun(List<Check> checks) {
        if (checks.isEmpty()) throw new IllegalArgumentException("no checks given: check(hosts, pkg(\"nginx\").installed(), …)");
        this.checks = List.copyOf(checks);
    }

    public List<Check> checks() {
        return checks;
    }

    /** The shell script each host runs for these checks (what one round trip carries), to read or time. */
    public String script() {
        return ProbeScript.compile(checks).text();
    }

    public CheckReport report(Hosts hosts) {
        Session session = hosts.session();
        Settings settings = session.settings();
        ProbeScript script = ProbeScript.compile(checks);
        Command command = Command.of(script.commandLine(), settings);
        Results runs = Fanout.run("check", hosts, settings.forks(), session.progress(),
                host -> session.transport(hosts.transportFor(host)).exec(host, command, OutputSink.NONE));
        List<CheckResult> all = new ArrayList<>();
        for (Result r : runs) all.addAll(Evaluate.host(r.host(), checks, script, r));
        CheckReport report = new CheckReport(hosts, runs, all);
        session.record(report.asResults());
        return report;
    }

    @Override
    public Results run(Hosts hosts) {
        return report(hosts).asResults();
    }

    /** A host's one-line verdict for pipelines: ok when every check passed or was skipped. */
    static Result verdict(Result run, List<CheckResult> mine) {
        boolean ok = mine.stream().allMatch(c -> c.verdict() == Verdict.PASS || c.verdict() == Verdict.SKIP);
        if (run.outcome().isConnectionProblem()) return run;
        StringBuilder text = new StringBuilder();
        for (CheckResult c : mine) text.append(c.line()).append('\n');
        Host host = run.host();
        return new Result(host, ok ? dev.opsshell.core.result.Outcome.OK : dev.opsshell.core.result.Outcome.FAILED,
                ok ? 0 : 1, text.toString(), "", false, run.start(), run.duration(), run.transport(), "");
    }

    @Override
    public String toString() {
        return "check(" + checks.size() + " checks)";
    }
}
