package dev.opsshell.shell.systems;

import dev.opsshell.shell.JsonDocument;
import dev.opsshell.core.OpsException;
import dev.opsshell.core.Session;
import dev.opsshell.core.fleet.Fleet;
import dev.opsshell.core.inventory.InventoryException;
import dev.opsshell.remote.fleet.SessionFleet;
import dev.opsshell.shell.ExitCodes;
import dev.opsshell.shell.Options;
import dev.opsshell.shell.terminal.ConsolePrompter;
import dev.opsshell.shell.terminal.CtrlC;
import dev.opsshell.shell.terminal.ProgressLine;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;

/**
 * What the systems commands share: a session with the store the options name ({@code --store},
 * {@code OPS_STORE}, {@code ~/.ops/config}, {@code ~/.ops/ops.db}), its fleet, a progress line and
 * y/N questions when a person is at the terminal, and one mapping of errors to exit codes:
 * 2 for a command line that cannot be carried out as written (unknown or ambiguous id, a
 * destructive job without --force and no terminal, a bad value), 1 for anything else that stopped
 * the command (the store cannot be opened, a question answered no), 130 when Ctrl-C stopped the wait.
 */
final class CliFleet {
    /** A command's work on the fleet; returns its exit code. */
    interface Work {
        int run(Fleet fleet, PrintWriter out);
    }

    /** Ctrl-C, as shells say it (128 + SIGINT). */
    static final int INTERRUPTED = 130;

    private CliFleet() {
    }

    static int run(Options options, CommandSpec spec, Work work) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        CtrlC.cancelFanoutsFirst();
        try (Session session = options.openSession(System.out, ConsolePrompter.forThisProcess(),
                ProgressLine.forThisProcess(false))) {
            int code = interruptible(err, () -> work.run(SessionFleet.current(), out));
            out.flush();
            return code;
        } catch (UsageError | IllegalArgumentException | InventoryException e) {
            return fail(err, e, ExitCodes.USAGE);
        } catch (OpsException e) {
            return fail(err, e, ExitCodes.SCRIPT_ERROR);
        }
    }

    /** Runs the work; a wait for jobs that Ctrl-C stopped is said for the command line (before the session closes). */
    private static int interruptible(PrintWriter err, java.util.function.IntSupplier work) {
        try {
            return work.getAsInt();
        } catch (OpsException e) {
            if (!Thread.interrupted()) throw e; // Batch.await leaves the flag set when Ctrl-C stopped it
            err.println("ops: stopped waiting (Ctrl-C); the jobs ran in this process and are stopped with it"
                    + " (ops jobs shows how each ended)");
            err.flush();
            return INTERRUPTED;
        }
    }

    private static int fail(PrintWriter err, RuntimeException e, int code) {
        err.println("ops: " + e.getMessage());
        err.flush();
        return code;
    }

    static void print(PrintWriter out, boolean json, Object text, Object document) {
        out.println(json ? JsonDocument.text(document) : text.toString());
    }
}
