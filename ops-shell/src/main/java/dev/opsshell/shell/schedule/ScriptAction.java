package dev.opsshell.shell.schedule;

import dev.opsshell.core.schedule.ActionKind;
import dev.opsshell.core.schedule.ScheduledWork;
import dev.opsshell.shell.repl.Echo;
import dev.opsshell.shell.repl.Evaluator;
import dev.opsshell.shell.repl.ScriptRunner;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The stored action {@code script FILE [ARGS…]}: the hub runs a .jsh script as {@code ops FILE ARGS}
 * would, in a JShell of its own, in the hub's session; its output goes to the hub's, and an exit
 * code other than 0 (a failed step, an exception, {@code exit(n)}) fails the run.
 */
public final class ScriptAction implements ActionKind {
    @Override
    public String name() {
        return "script";
    }

    @Override
    public String usage() {
        return "script FILE.jsh [ARGS…]";
    }

    @Override
    public void check(List<String> args) {
        if (args.isEmpty() || args.get(0).isBlank()) {
            throw new IllegalArgumentException("a script schedule takes the .jsh file (and its arguments), e.g."
                    + " runScript(\"nightly.jsh\") or `ops schedule add NAME --cron '0 3 * * *' script /path/nightly.jsh`");
        }
    }

    @Override
    public ScheduledWork work(List<String> args) {
        return () -> {
            Path file = Path.of(args.get(0));
            if (!Files.isRegularFile(file)) {
                throw new IllegalStateException("no script file " + file + " on the hub's machine");
            }
            String text = Files.readString(file);
            if (text.startsWith("#!")) text = "//" + text.substring(2);
            ByteArrayOutputStream errors = new ByteArrayOutputStream();
            PrintStream err = new PrintStream(new Tee(System.err, errors), true, StandardCharsets.UTF_8);
            try (Evaluator evaluator = new Evaluator(new Echo(false, false), false)) {
                evaluator.eval(argsDeclaration(args.subList(1, args.size())));
                int code = new ScriptRunner(evaluator, System.out, err, false, true).run(file.toString(), text);
                if (code != 0) {
                    String last = errors.toString(StandardCharsets.UTF_8).strip().lines().reduce((a, b) -> b).orElse("");
                    throw new IllegalStateException("exit " + code + (last.isEmpty() ? "" : ": " + last));
                }
                return null;
            }
        };
    }

    private static String argsDeclaration(List<String> args) {
        return "String[] args = {" + String.join(", ", args.stream().map(Echo::literal).toList()) + "};";
    }

    /** Writes to two streams: the hub's stderr and the buffer the failure's reason is read from. */
    private static final class Tee extends OutputStream {
        private final OutputStream a;
        private final OutputStream b;

        Tee(OutputStream a, OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public void write(int c) throws java.io.IOException {
            a.write(c);
            b.write(c);
        }

        @Override
        public void write(byte[] buf, int off, int len) throws java.io.IOException {
            a.write(buf, off, len);
            b.write(buf, off, len);
        }
    }
}
