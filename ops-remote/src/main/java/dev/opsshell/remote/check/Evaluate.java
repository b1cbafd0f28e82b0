package dev.opsshell.remote.check;

import dev.opsshell.core.host.Host;
import dev.opsshell.core.result.Result;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Checks weighed against what one host's script printed. */
final class Evaluate {
    private Evaluate() {
    }

    static List<CheckResult> host(Host host, List<Check> checks, ProbeScript script, Result run) {
        List<CheckResult> out = new ArrayList<>();
        Map<Subject, ProbeScript.Section> sections = run.ok() ? script.parse(run.stdout()) : Map.of();
        for (Check c : checks) {
            String expected = c.expected().describe();
            if (c.skip()) {
                out.add(new CheckResult(host, c, Verdict.SKIP, expected, "", ""));
                continue;
            }
            if (!run.ok()) {
                String why = run.outcome().isConnectionProblem() ? run.outcome().label() + ": " + run.message()
                        : "the probe script exited " + run.exitCode() + ": " + run.summary().strip();
                out.add(new CheckResult(host, c, Verdict.ERROR, expected, "", why));
                continue;
            }
            ProbeScript.Section section = sections.get(c.subject());
            if (section == null) {
                out.add(new CheckResult(host, c, Verdict.ERROR, expected, "",
                        "the probe's output was cut short" + (run.truncated() ? " (output cap reached)" : "")));
                continue;
            }
            out.add(one(host, c, section));
        }
        return out;
    }

    private static CheckResult one(Host host, Check c, ProbeScript.Section section) {
        String expected = c.expected().describe();
        Observations obs;
        try {
            obs = Observations.of(c.subject(), section);
        } catch (RuntimeException e) {
            return new CheckResult(host, c, Verdict.ERROR, expected, "", "could not read the probe's output: " + e.getMessage());
        }
        if (!obs.error().isEmpty()) return new CheckResult(host, c, Verdict.ERROR, expected, "", obs.error());
        Object value = obs.values().get(c.attribute());
        if (value == null) return new CheckResult(host, c, Verdict.FAIL, expected, "(" + obs.why() + ")", "");
        boolean pass = c.expected().matches(value);
        String observed = c.expected() instanceof Patterns p && !pass
                ? "not matched " + Values.show(p.missing(value)) : Values.show(value);
        if (observed.length() > 400) observed = observed.substring(0, 400) + "…";
        String note = c.attribute().equals("exit-status") && !obs.why().isEmpty() ? obs.why() : "";
        return new CheckResult(host, c, pass ? Verdict.PASS : Verdict.FAIL, expected, observed, note);
    }
}
