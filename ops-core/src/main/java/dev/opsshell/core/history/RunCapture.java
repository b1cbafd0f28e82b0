package dev.opsshell.core.history;

import dev.opsshell.core.events.RunFinished;
import dev.opsshell.core.result.Result;
import dev.opsshell.core.result.Results;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A finished run turned into what history stores: every text masked ({@link Secrets}), each host's
 * stdout and stderr (masked whole, then) cut to {@link #OUTPUT_CAP} characters (its first and last halves, with a line
 * saying how much was cut between them, and {@code truncated} set). Pure; called on the recorder's
 * thread, never on the run's.
 */
public final class RunCapture {
    /** Characters kept per host and stream: 16 KiB, the first 8 and the last 8 (where errors usually are). */
    public static final int OUTPUT_CAP = 16 * 1024;

    private RunCapture() {
    }

    /** The run record (id 0) and its hosts. */
    public static RunDetail of(RunFinished run, String who) {
        Results results = run.results();
        Set<String> known = knownSecrets(results);
        List<HostRecord> hosts = new ArrayList<>(results.size());
        Instant started = run.finished().minus(results.wall());
        TreeSet<String> transports = new TreeSet<>();
        int failed = 0;
        for (Result r : results) {
            if (r.start().isBefore(started)) started = r.start();
            if (!r.transport().isEmpty()) transports.add(r.transport());
            if (!r.ok()) failed++;
            hosts.add(host(r, known));
        }
        String via = results.hosts().via();
        RunSource source = new RunSource(run.source().kind(), Secrets.mask(run.source().detail(), known));
        Recipe recipe = run.recipe() == null ? null
                : new Recipe(run.recipe().name(), run.recipe().args().stream().map(a -> Secrets.mask(a, known)).toList());
        RunRecord record = new RunRecord(0, started, run.finished(), who, source, Secrets.mask(results.title(), known),
                results.hosts().name(), via, String.join(",", transports), results.exitCode(), results.size(), failed,
                recipe);
        return new RunDetail(record, hosts);
    }

    static HostRecord host(Result r) {
        return host(r, Set.of());
    }

    static HostRecord host(Result r, Set<String> known) {
        // masked whole, then cut: a key block cut in two would not be recognised
        String out = Secrets.mask(r.stdout(), known);
        String err = Secrets.mask(r.stderr(), known);
        boolean truncated = r.truncated() || out.length() > OUTPUT_CAP || err.length() > OUTPUT_CAP;
        return new HostRecord(r.host().name(), r.outcome(), r.exitCode(), r.duration(), r.transport(),
                cut(out), cut(err), truncated, Secrets.mask(r.message(), known));
    }

    /**
     * The passwords the hosts' inventory gives ({@code ansible_password}, {@code ansible_become_password},
     * {@code ansible_ssh_pass}, any variable named for a password, secret or token, but not a
     * {@code _file}): masked wherever they appear, even where no pattern would see them
     * ({@code echo hunter2}). The transports mask the sudo password they asked for the same way.
     */
    static Set<String> knownSecrets(Results results) {
        Set<String> known = new java.util.HashSet<>();
        for (dev.opsshell.core.host.Host h : results.hosts()) {
            h.vars().forEach((name, value) -> {
                if (SECRET_VAR.matcher(name).find() && !name.endsWith("_file") && value != null && value.length() >= 4) {
                    known.add(value);
                }
            });
        }
        return known;
    }

    private static final java.util.regex.Pattern SECRET_VAR = java.util.regex.Pattern.compile("(?i)pass|secret|token");

    /** At most {@link #OUTPUT_CAP} characters plus a line saying how many were cut from the middle. */
    static String cut(String text) {
        if (text.length() <= OUTPUT_CAP) return text;
        int half = OUTPUT_CAP / 2;
        return text.substring(0, half) + "\n… [" + (text.length() - OUTPUT_CAP) + " characters not kept] …\n"
                + text.substring(text.length() - half);
    }
}
