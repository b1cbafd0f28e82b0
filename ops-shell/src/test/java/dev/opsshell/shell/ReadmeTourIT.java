package dev.opsshell.shell;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's tour, run as written: {@code sh} blocks run in bash (a line that is just
 * {@code ./scripts/ops [-i FILE]} starts a shell session), {@code java} blocks are typed into the
 * current session, and each {@code text} block must appear, in order, in the output of the block
 * before it (timings like {@code 0.02 s} may differ).
 */
class ReadmeTourIT {
    private static final Pattern FENCE = Pattern.compile("(?ms)^```(\\w+)\\n(.*?)^```\\n");
    private static final Pattern REPL_START = Pattern.compile("^\\./scripts/ops((?:\\s+(?:-i|--inventory)\\s+\\S+)?)\\s*$");

    @TempDir
    Path work;

    private record Block(String lang, String text) {
    }

    /** A shell session being typed into, with the output it should show. */
    private final class Session {
        final String args;
        final StringBuilder input = new StringBuilder();
        final List<String> expected = new ArrayList<>();

        Session(String args) {
            this.args = args.strip();
        }

        void run() throws Exception {
            String[] argv = args.isEmpty() ? new String[0] : args.split("\\s+");
            OpsProcess.Run r = OpsProcess.run(work, input.toString(), argv);
            assertEquals("", r.err(), "the tour's code ran without errors:\n" + r);
            assertInOrder(expected, r.out(), "session ./scripts/ops " + args);
        }
    }

    @Test
    void theTourInTheReadmeRunsAsWritten() throws Exception {
        Files.createDirectories(work.resolve("scripts"));
        Files.createSymbolicLink(work.resolve("scripts/ops"), OpsProcess.LAUNCHER);
        List<Block> blocks = tourBlocks();
        assertTrue(blocks.size() > 10, "found the tour's blocks: " + blocks.size());
        Session session = null;
        String lastShellOutput = null;
        for (Block b : blocks) {
            switch (b.lang()) {
                case "sh" -> {
                    StringBuilder script = new StringBuilder();
                    for (String line : b.text().split("\n")) {
                        Matcher m = REPL_START.matcher(line.strip());
                        if (m.matches()) {
                            if (session != null) session.run();
                            session = new Session(m.group(1));
                        } else {
                            script.append(line).append('\n');
                        }
                    }
                    lastShellOutput = script.toString().isBlank() ? null : bash(script.toString());
                }
                case "java" -> {
                    assertTrue(session != null, "a java block comes after ./scripts/ops starts a session");
                    session.input.append(b.text());
                    lastShellOutput = null;
                }
                case "text" -> {
                    if (lastShellOutput != null) assertInOrder(List.of(b.text()), lastShellOutput, "sh block");
                    else session.expected.add(b.text());
                }
                default -> throw new AssertionError("the tour has a ```" + b.lang() + " block; use sh, java or text");
            }
        }
        if (session != null) session.run();
    }

    private static List<Block> tourBlocks() throws Exception {
        String readme = Files.readString(OpsProcess.ROOT.resolve("README.md"));
        int start = readme.indexOf("<!-- tour:start -->");
        int end = readme.indexOf("<!-- tour:end -->");
        assertTrue(start >= 0 && end > start, "README.md marks its tour with tour:start / tour:end");
        Matcher m = FENCE.matcher(readme.substring(start, end));
        List<Block> blocks = new ArrayList<>();
        while (m.find()) blocks.add(new Block(m.group(1), m.group(2)));
        return blocks;
    }

    private String bash(String script) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", "exec 2>&1\n" + script).directory(work.toFile());
        pb.environment().put("HOME", work.toString());
        pb.environment().remove("OPS_INVENTORY");
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the block finished: " + script);
        return OpsProcess.withoutLauncherNotes(out);
    }

    /** Each expected text appears in the output, after the one before it; wall times may differ. */
    private static void assertInOrder(List<String> expected, String output, String where) {
        String actual = normalize(output);
        int from = 0;
        for (String e : expected) {
            String want = normalize(e);
            int at = actual.indexOf(want, from);
            assertTrue(at >= 0, where + ": expected to see\n" + e + "\nafter position " + from + " in\n" + output);
            from = at + want.length();
        }
    }

    private static String normalize(String s) {
        return s.replaceAll("\\d+\\.\\d+ s\\b", "#.## s").lines().map(String::stripTrailing)
                .reduce("", (a, b) -> a + b + "\n").strip();
    }
}
