package dev.opsshell.shell;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The line editor never changes what is typed: brackets, braces and the spaces around them reach
 * the command exactly as the keys were pressed, one by one, in a real terminal (tmux).
 */
class TerminalEditingIT {
    private static final long START = 60; // seconds; a cold JVM on a busy 2-core machine
    private static final String PROMPT = "ops> ";

    @TempDir
    Path home;

    @Test
    void shellBracketsBracesAndSubstitutionsRunExactlyAsTyped() throws Exception {
        try (Tmux t = Tmux.start(home, OpsProcess.LAUNCHER.toString())) {
            t.await(PROMPT, START);
            runs(t, "localhost().exec(\"[ -d /tmp ] && echo single-brackets\")", "    single-brackets");
            runs(t, "localhost().exec(\"bash -c '[[ -d /tmp ]] && echo double-brackets'\")", "    double-brackets");
            runs(t, "localhost().exec(\"echo x awk-braces | awk '{ print $2 }'\")", "    awk-braces");
            runs(t, "localhost().exec(\"echo $( echo command-substitution )\")", "    command-substitution");
            runs(t, "\"( spaced ) [ list ] { block }\"", "\n\"( spaced ) [ list ] { block }\"\n");
        }
    }

    @Test
    void aMethodTypedOverSeveralIndentedLinesKeepsItsText() throws Exception {
        try (Tmux t = Tmux.start(home, OpsProcess.LAUNCHER.toString())) {
            t.await(PROMPT, START);
            t.type("Results probe(Hosts h) {");
            t.press("Enter");
            t.await("...> ", 30);
            t.type("    return h.exec(\"[ -d /tmp ] && echo in-a-method\");");
            t.press("Enter");
            t.type("}");
            t.press("Enter");
            t.await("created method probe(Hosts)", 120);
            t.await("the next prompt", 15, screen -> screen.stripTrailing().endsWith("ops>"));
            String s = runs(t, "probe(localhost())", "    in-a-method");
            assertTrue(s.contains("...>     return h.exec(\"[ -d /tmp ] && echo in-a-method\");\n...> }\n"), s);
        }
    }

    /** Types {@code line} key by key, checks the editor shows it unchanged, runs it and waits for {@code expected}. */
    private static String runs(Tmux t, String line, String expected) throws Exception {
        t.type(line);
        t.await("the typed line, unchanged", 15, s -> s.contains(PROMPT + line + "\n") || s.stripTrailing().endsWith(PROMPT + line));
        t.press("Enter");
        // a deadline, not a speed: the first line compiles with javac behind the prompt, which took
        // over 30 s on a 2-core machine at load 70 (a full run beside other builds and benchmarks)
        String s = t.await(expected, 120);
        assertTrue(s.contains(PROMPT + line + "\n"), "the line evaluated is the line typed: " + s);
        t.await("the next prompt", 15, screen -> screen.stripTrailing().endsWith("ops>"));
        return s;
    }
}
