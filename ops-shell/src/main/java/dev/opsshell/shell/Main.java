package dev.opsshell.shell;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

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
        int code = OpsCommand.commandLine().execute(args);
        System.out.flush();
        System.err.flush();
        System.exit(code);
    }
}
