package dev.opsshell.remote.become;

import dev.opsshell.core.host.Host;
import dev.opsshell.core.result.Outcome;
import dev.opsshell.core.result.Result;
import dev.opsshell.core.transport.OutputSink;
import dev.opsshell.core.transport.Prompter;
import dev.opsshell.remote.Quote;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Runs shell lines through sudo for the transports that start a shell themselves (SSH, local):
 * directly when already the target user ({@link Become#user}), otherwise
 * {@code sudo -S -p '' -u USER -- sh -c '…'} with the password written to the command's stdin (never
 * on a command line). The password comes from {@code ansible_become_password} or is asked once
 * through the session's prompter and kept for the session; a refused one is forgotten. Root is never
 * asked: it needs no password to become anyone. Without a password, {@code sudo -n} is used
 * (NOPASSWD rules work). Passwords are masked out of the result ({@link #check}) and of live lines
 * ({@link Plan#masked}). Thread-safe.
 */
public final class Sudo {
    private final Supplier<Prompter> prompter;
    private char[] asked; // guarded by this

    /** What to run and what to feed it; {@code secret} is masked in the output. */
    public record Plan(String line, byte[] input, String secret, boolean prompted, String becomeUser) {
        public static Plan plain(String line) {
            return new Plan(line, null, null, false, null);
        }

        /** The sink with the password masked out of every live line, as {@link #check} masks the result. */
        public OutputSink masked(OutputSink sink) {
            if (secret == null || secret.isEmpty() || sink == OutputSink.NONE) return sink;
            return (host, stderr, line) -> sink.line(host, stderr, Masking.mask(line, secret));
        }

        @Override
        public String toString() {
            return "Plan[" + line + "]"; // never the password
        }
    }

    public Sudo(Supplier<Prompter> prompter) {
        this.prompter = prompter;
    }

    /** How to run {@code line} through sudo on {@code host} when logged in (or running) as {@code loginUser}. */
    public Plan plan(Host host, String loginUser, String line) {
        String become = Become.user(host);
        if (become.equals(loginUser)) return Plan.plain(line);
        String inner = Quote.shell("exec </dev/null; " + line);
        if ("root".equals(loginUser)) {
            return new Plan("sudo -n -u " + Quote.shell(become) + " -- sh -c " + inner, null, null, false, become);
        }
        Optional<String> fromInventory = Become.password(host);
        char[] password = fromInventory.map(String::toCharArray).orElseGet(() -> ask(loginUser));
        if (password == null) {
            return new Plan("sudo -n -u " + Quote.shell(become) + " -- sh -c " + inner, null, null, false, become);
        }
        String secret = new String(password);
        return new Plan("sudo -S -p '' -u " + Quote.shell(become) + " -- sh -c " + inner, bytes(password), secret,
                fromInventory.isEmpty(), become);
    }

    /** Masks the password and explains a refused or missing one. */
    public Result check(Result r, Plan plan, String hostPort) {
        if (plan.becomeUser() == null) return r;
        String out = Masking.mask(r.stdout(), plan.secret());
        String err = Masking.mask(r.stderr(), plan.secret());
        String message = r.message();
        if (r.outcome() == Outcome.FAILED && (err.contains("incorrect password") || err.contains("Sorry, try again"))) {
            if (plan.prompted()) forget();
            message = "sudo on " + hostPort + " refused the password for '" + plan.becomeUser() + "' ("
                    + (plan.prompted() ? "the one typed; the next sudo asks again" : "ansible_become_password") + ")";
        } else if (r.outcome() == Outcome.FAILED && err.contains("a password is required")) {
            message = "sudo on " + hostPort + " needs a password: set ansible_become_password for the host,"
                    + " or run in the interactive shell to be asked once";
        } else if (r.outcome() == Outcome.FAILED) {
            message = Become.unknownUser(err, plan.becomeUser(), hostPort).orElse(message);
        }
        return new Result(r.host(), r.outcome(), r.exitCode(), out, err, r.truncated(), r.start(), r.duration(),
                r.transport(), Masking.mask(message, plan.secret()));
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
}
