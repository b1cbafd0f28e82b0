package dev.opsshell.shell.history;

import dev.opsshell.core.OpsException;
import dev.opsshell.core.Session;
import dev.opsshell.core.history.HistoryStore;
import dev.opsshell.core.history.RunDetail;
import dev.opsshell.core.inventory.InventoryException;
import dev.opsshell.remote.fleet.SessionStore;
import dev.opsshell.shell.ExitCodes;
import dev.opsshell.shell.Options;
import dev.opsshell.shell.terminal.ConsolePrompter;
import dev.opsshell.shell.terminal.CtrlC;
import dev.opsshell.shell.terminal.ProgressLine;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;

/**
 * What the history commands share: a session on the store the options name (as the systems
 * commands open it) and one mapping of errors to exit codes: 2 for a command line that cannot be
 * carried out as written (no such run, a run that cannot be rebuilt, a bad value), 1 when the
 * store cannot be used; a rerun exits as {@code ops exec} does (0, 4, 5).
 */
final class CliHistory {
    /** A command's work on the history; returns its exit code. */
    interface Work {
        int run(HistoryStore history, PrintWriter out);
    }

    private CliHistory() {
    }

    static int run(Options options, CommandSpec spec, Work work) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        CtrlC.cancelFanoutsFirst();
        try (Session session = options.openSession(System.out, ConsolePrompter.forThisProcess(),
                ProgressLine.forThisProcess(options.stream()))) {
            int code = work.run(SessionStore.of(session).history(), out);
            out.flush();
            return code;
        } catch (IllegalArgumentException | InventoryException e) {
            return fail(err, e, ExitCodes.USAGE);
        } catch (OpsException e) {
            return fail(err, e, ExitCodes.SCRIPT_ERROR);
        }
    }

    static RunDetail find(HistoryStore history, long id) {
        return history.run(id).orElseThrow(() -> new IllegalArgumentException("no run #" + id
                + " in history (purged, or never recorded); ops history lists the runs kept"));
    }

    private static int fail(PrintWriter err, RuntimeException e, int code) {
        err.println("ops: " + e.getMessage());
        err.flush();
        return code;
    }
}
