package dev.opsshell.shell.repl;

import dev.opsshell.core.driver.DriverException;
import dev.opsshell.core.host.Hosts;
import dev.opsshell.remote.fleet.SessionFleet;
import dev.opsshell.shell.ExitCodes;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;

/**
 * Runs a type's {@code .jsh} provisioning recipe: the shell's vocabulary, with a variable
 * {@code hosts} bound to the machine being provisioned ({@code hosts.exec("apt-get install -y redis")}).
 * Each recipe gets a JShell of its own beside the shell's, in the same JVM and session: recipes of
 * several machines run at once, each with its own {@code hosts}, and the prompt stays free while a
 * job waits (the shell's JShell is busy awaiting that very job). The recipe fails when a snippet
 * does not compile or throws, as a script stops; cancelling the job stops the recipe.
 */
public final class Recipes {
    private static final Map<String, Hosts> BOUND = new ConcurrentHashMap<>();

    private Recipes() {
    }

    /** Makes the session's provisioner run {@code .jsh} recipes this way. */
    public static void install() {
        SessionFleet.provisioner().recipes(Recipes::run);
    }

    /** The hosts a running recipe was given (its first snippet declares {@code hosts} from this). */
    public static Hosts bound(String token) {
        Hosts h = BOUND.get(token);
        if (h == null) throw new IllegalStateException("no recipe is running with token " + token);
        return h;
    }

    static void run(Path file, Hosts hosts) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new DriverException("recipe " + file + " cannot be read here: " + e.getMessage(), e);
        }
        String token = UUID.randomUUID().toString();
        BOUND.put(token, hosts);
        ByteArrayOutputStream said = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(said, true, StandardCharsets.UTF_8);
        try (Evaluator ev = Evaluator.aside()) {
            Reply bind = ev.eval("Hosts hosts = dev.opsshell.shell.repl.Recipes.bound(\"" + token + "\");");
            if (bind.failed()) throw new DriverException("recipe " + file + ": could not bind hosts: " + bind.error());
            int code = interruptibly(ev, () -> new ScriptRunner(ev, print, print, false, true).run(file.toString(), text));
            if (code == ExitCodes.SCRIPT_ERROR || code == ExitCodes.USAGE) {
                throw new DriverException("recipe " + file + " failed: " + said.toString(StandardCharsets.UTF_8).strip());
            }
        } finally {
            BOUND.remove(token);
        }
    }

    /** Runs the recipe on a thread of its own, so a cancelled job (an interrupt) stops it with JShell's stop. */
    private static int interruptibly(Evaluator ev, java.util.function.Supplier<Integer> work) {
        CompletableFuture<Integer> running = CompletableFuture.supplyAsync(work, r -> {
            Thread t = new Thread(r, "ops-recipe");
            t.setDaemon(true);
            t.start();
        });
        try {
            return running.get();
        } catch (InterruptedException e) {
            ev.stop();
            Thread.currentThread().interrupt();
            throw new DriverException("recipe stopped: the job was cancelled (or its shell is closing)", e);
        } catch (ExecutionException e) {
            throw new DriverException("recipe failed: " + e.getCause(), e.getCause());
        }
    }
}
