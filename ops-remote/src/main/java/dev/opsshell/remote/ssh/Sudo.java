package dev.opsshell.remote.ssh;

import dev.opsshell.core.host.Host;
import dev.opsshell.core.result.Outcome;
import dev.opsshell.core.result.Result;
import dev.opsshell.core.transport.Prompter;
import dev.opsshell.remote.Quote;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Runs commands through sudo: directly when already logged in as the target user, otherwise
 * {@code sudo -S -p '' -u USER -- sh -c '…'} with the password written to the command's stdin (never
 * on a command line). The password comes from {@code ansible_become_password} or is asked once
 * through the session's prompter and kept for the session; a refused one is forgotten. Passwords
 * are masked out of any output. Without a password, {@code sudo -n} is used (NOPASSWD rules work).
 * Thread-safe.
 */
final class Sudo {
    private static final String MASK = "********";
    private final Supplier<Prompter> prompter;
    private char[] asked; // guarded by this

    /** What to run and what to feed it; {@code secret} is masked in the output. */
    record Plan(String line, byte[] input, String secret, boolean prompted, String becomeUser) {
        static Plan plain(String line) {
            return new Plan(line, null, null, false, null);
        }

        @Override
        public String toString() {
            return "Plan[" + line + "]"; // never the password
        }
    }

    Sudo(Supplier<Prompter> prompter) {
        this.prompter = prompter;
    }

    Plan plan(Host host, String loginUser, String line) {
        String become = host.var("ansible_become_user").orElse("root");
        if (become.equals(loginUser)) return Plan.plain(line);
        String inner = Quote.shell("exec </dev/null; " + line);
        Optional<String> fromInventory = host.var("ansible_become_password").or(() -> host.var("ansible_become_pass"));
        char[] password = fromInventory.map(String::toCharArray).orElseGet(() -> ask(loginUser));
        if (password == null) {
            return new Plan("sudo -n -u " + Quote.shell(become) + " -- sh -c " + inner, null, null, false, become);
        }
        String secret = new String(password);
        return new Plan("sudo -S -p '' -u " + Quote.shell(become) + " -- sh -c " + inner, bytes(password), secret,
                fromInventory.isEmpty(), become);
    }

    /** Masks the password and explains a refused or missing one. */
    Result check(Result r, Plan plan, String hostPort) {
        if (plan.becomeUser() == null) return r;
        String out = mask(r.stdout(), plan.secret());
        String err = mask(r.stderr(), plan.secret());
        String message = r.message();
        Outcome outcome = r.outcome();
        if (r.outcome() == Outcome.FAILED && (err.contains("incorrect password") || err.contains("Sorry, try again"))) {
            if (plan.prompted()) forget();
            message = "sudo on " + hostPort + " refused the password for '" + plan.becomeUser() + "' ("
                    + (plan.prompted() ? "the one typed; the next sudo asks again" : "ansible_become_password") + ")";
        } else if (r.outcome() == Outcome.FAILED && err.contains("a password is required")) {
            message = "sudo on " + hostPort + " needs a password: set ansible_become_password for the host,"
                    + " or run in the interactive shell to be asked once";
        }
        return new Result(r.host(), outcome, r.exitCode(), out, err, r.truncated(), r.start(), r.duration(),
                r.transport(), mask(message, plan.secret()));
    }

    private synchronized char[] ask(String loginUser) {
        if (asked == null) {
            asked = prompter.get().secret("[sudo] password for " + loginUser + " (asked once for this session): ")
                    .orElse(null);
        }
        return asked == null ? null : asked.clone();
    }

    private synchronized void forget() {
        if (asked != null) Arrays.fill(asked, '\0');
        asked = null;
    }

    private static byte[] bytes(char[] password) {
        ByteBuffer b = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        byte[] out = new byte[b.remaining() + 1];
        b.get(out, 0, out.length - 1);
        out[out.length - 1] = '\n';
        Arrays.fill(b.array(), (byte) 0);
        Arrays.fill(password, '\0');
        return out;
    }

    private static String mask(String text, String secret) {
        return secret == null || secret.isEmpty() || text == null ? text : text.replace(secret, MASK);
    }
}
