package dev.opsshell.core.history;

import dev.opsshell.core.OpsException;
import dev.opsshell.core.Session;
import dev.opsshell.core.host.Hosts;
import dev.opsshell.core.inventory.InventoryException;
import dev.opsshell.core.result.Results;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Runs a recorded run again in the current session: its operation rebuilt from its {@link Recipe},
 * on its target resolved again from the inventory (a pattern that no longer resolves falls back to
 * the hosts it ran on), through the transport it was forced through. The rerun is recorded as a new run.
 */
final class Rerun {
    private Rerun() {
    }

    static Results of(RunDetail detail, boolean failedOnly) {
        RunRecord r = detail.run();
        if (r.recipe() == null) throw new OpsException(cannotRebuild(r));
        if (masked(r)) throw new OpsException(heldASecret(r));
        Hosts hosts = target(detail);
        if (failedOnly) {
            Set<String> failed = new HashSet<>();
            detail.failedHosts().forEach(h -> failed.add(h.host()));
            if (failed.isEmpty()) throw new OpsException("no host failed in run #" + r.id() + "; rerun() runs it on all of them");
            hosts = hosts.only(failed, r.target() + " (failed in #" + r.id() + ")");
        }
        if (!r.via().isEmpty()) hosts = hosts.via(r.via());
        return hosts.run(Recipes.build(r.recipe()));
    }

    private static Hosts target(RunDetail detail) {
        Session session = Session.current();
        try {
            return session.inventory().select(detail.run().target());
        } catch (InventoryException | IllegalArgumentException e) {
            List<String> names = detail.hosts().stream().map(HostRecord::host).toList();
            return session.inventory().select(String.join(",", names));
        }
    }

    /** What to type to run it again, or why it cannot be. */
    static String howTo(RunRecord r) {
        if (r.recipe() == null) return cannotRebuild(r);
        if (masked(r)) return heldASecret(r);
        return "history().get(" + r.id() + ").rerun() runs " + r.recipe() + " on " + r.target() + " again"
                + (r.ok() ? "" : "; .rerunFailed() on the " + r.failed() + " that failed");
    }

    /** A recipe with a masked secret in it would run the mask, not the command. */
    private static boolean masked(RunRecord r) {
        return r.recipe().args().stream().anyMatch(a -> a.contains(Secrets.MASK));
    }

    private static String heldASecret(RunRecord r) {
        return "run #" + r.id() + "'s command held a secret, which history does not keep (" + r.recipe()
                + "), so it cannot be run again from here; type it again with the secret";
    }

    private static String cannotRebuild(RunRecord r) {
        String snippet = r.source().detail().strip();
        return "run #" + r.id() + " (" + r.operation() + ") was Java code, not a built-in operation, and cannot be rebuilt"
                + (snippet.isEmpty() ? "" : "; it came from " + RunText.kind(r.source()) + ": " + snippet)
                + "; run that again to repeat it";
    }
}
