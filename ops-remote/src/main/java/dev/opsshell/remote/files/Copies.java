package dev.opsshell.remote.files;

import dev.opsshell.core.Session;
import dev.opsshell.core.host.Host;
import dev.opsshell.core.host.Hosts;
import dev.opsshell.core.pipeline.Operation;
import dev.opsshell.core.result.Outcome;
import dev.opsshell.core.result.Result;
import dev.opsshell.core.result.Results;
import dev.opsshell.core.run.Fanout;
import dev.opsshell.core.transport.Command;
import dev.opsshell.core.transport.OutputSink;
import dev.opsshell.core.transport.Transport;
import dev.opsshell.remote.Quote;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Copies that send only what differs, by sha256: {@link #put} one file, {@link #sync} a directory
 * tree (files only added or replaced; nothing on the host is deleted). One round trip per host for
 * the checksums (and the directories), then one transfer per changed file through the host's
 * transport. A host whose copy fails half way says which files went and which did not.
 */
public final class Copies implements Operation {
    private final String title;
    private final Path localRoot;
    private final String remoteRoot;
    private final boolean single;

    private Copies(String title, Path localRoot, String remoteRoot, boolean single) {
        this.title = title;
        this.localRoot = localRoot;
        this.remoteRoot = remoteRoot;
        this.single = single;
    }

    /** Copies a local file to {@code remotePath} unless the host's copy has the same sha256. */
    public static Copies put(String localFile, String remotePath) {
        return new Copies("put " + localFile + " to " + remotePath, Path.of(localFile), remotePath, true);
    }

    /** Makes {@code remoteDir} hold every file under {@code localDir} with the same content, copying only those that differ. */
    public static Copies sync(String localDir, String remoteDir) {
        return new Copies("sync " + localDir + " to " + remoteDir, Path.of(localDir), remoteDir, false);
    }

    @Override
    public Results run(Hosts hosts) {
        Map<String, String> local = single ? Map.of("", LocalTree.sha256(checkedFile())) : LocalTree.checksums(localRoot);
        Session session = hosts.session();
        return Fanout.run(title, hosts, session.settings().forks(), session.progress(),
                host -> copy(session, session.transport(hosts.transportFor(host)), host, local));
    }

    private Path checkedFile() {
        if (!java.nio.file.Files.isRegularFile(localRoot)) {
            throw new IllegalArgumentException("no local file " + localRoot.toAbsolutePath() + " to put");
        }
        return localRoot;
    }

    private Result copy(Session session, Transport t, Host host, Map<String, String> local) {
        Instant start = Instant.now();
        Result listed = t.exec(host, Command.of(listing(local), session.settings()), OutputSink.NONE);
        if (!listed.ok()) return listed;
        Map<String, String> remote = parse(listed.stdout());
        List<String> differing = local.keySet().stream().filter(rel -> !local.get(rel).equals(remote.get(rel))).toList();
        List<String> done = new ArrayList<>();
        for (String rel : differing) {
            Path from = rel.isEmpty() ? localRoot : localRoot.resolve(rel);
            Result r = t.upload(host, from, target(rel));
            if (!r.ok()) {
                String why = r.summary().strip().isEmpty() ? r.message() : r.summary().strip();
                return new Result(host, r.outcome() == Outcome.OK ? Outcome.FAILED : r.outcome(), r.exitCode() == 0 ? 1 : r.exitCode(),
                        done.isEmpty() ? "" : CHANGED_COPIED + String.join(", ", done) + "\n",
                        "copying " + target(rel) + " failed: " + why + (done.isEmpty() ? "" : " (copied before it: " + String.join(", ", done) + ")"),
                        false, start, Duration.between(start, Instant.now()), t.name(), r.message());
            }
            done.add(rel.isEmpty() ? target(rel) : rel);
        }
        String text = differing.isEmpty()
                ? "unchanged: " + (single ? remoteRoot : local.size() + " files in " + remoteRoot)
                : "changed: " + (single ? remoteRoot : differing.size() + " of " + local.size() + " files in " + remoteRoot + " (" + String.join(", ", done) + ")");
        return Result.exited(host, 0, text + "\n", "", false, start, t.name());
    }

    private static final String CHANGED_COPIED = "copied: ";

    private String target(String rel) {
        return rel.isEmpty() ? remoteRoot : remoteRoot.replaceAll("/+$", "") + "/" + rel;
    }

    /** Directories made (for a sync), then {@code sha256  relative-path} for every file there. */
    private String listing(Map<String, String> local) {
        if (single) return FileScripts.checksum(remoteRoot);
        String root = FileScripts.path(remoteRoot);
        TreeSet<String> dirs = new TreeSet<>();
        dirs.add(root);
        for (String rel : local.keySet()) {
            int slash = rel.lastIndexOf('/');
            if (slash > 0) dirs.add(Quote.shell(target(rel.substring(0, slash))));
        }
        return "mkdir -p -- " + String.join(" ", dirs) + " && cd " + root + " && find . -type f -exec sha256sum -- {} +\n";
    }

    private Map<String, String> parse(String out) {
        Map<String, String> m = new HashMap<>();
        for (String line : out.split("\n")) {
            if (single) {
                m.put("", line.strip());
                break;
            }
            int sep = line.indexOf("  ");
            if (sep == 64) m.put(line.substring(sep + 2).replaceFirst("^\\./", ""), line.substring(0, sep));
        }
        return m;
    }

    @Override
    public String toString() {
        return title;
    }
}
