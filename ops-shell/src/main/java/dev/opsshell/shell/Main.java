package dev.opsshell.shell;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

/**
 * The {@code ops} program's entry point. Output is UTF-8 whatever the locale says, so ✔/✗ and
 * host names survive pipes and CI logs.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8));
        Callable<Integer> fast = FastArgs.parse(args);
        int code = fast != null ? run(fast) : OpsCommand.commandLine().execute(args);
        System.out.flush();
        System.err.flush();
        System.exit(code);
    }

    /** Runs a command read by {@link FastArgs}, failing the way picocli's handler does. */
    private static int run(Callable<Integer> command) {
        try {
            Integer code = command.call();
            return code == null ? ExitCodes.OK : code;
        } catch (Exception e) {
            System.err.println("ops: " + e);
            return ExitCodes.SCRIPT_ERROR;
        }
    }
}
