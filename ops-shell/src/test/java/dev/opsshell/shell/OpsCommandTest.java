package dev.opsshell.shell;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OpsCommandTest {

    private static CommandLine.ParseResult parse(String... args) {
        return OpsCommand.commandLine().parseArgs(args);
    }

    private static OpsCommand top(CommandLine.ParseResult r) {
        return (OpsCommand) r.commandSpec().userObject();
    }

    @Test
    void globalOptionsBeforeTheSubcommandReachExec() {
        CommandLine.ParseResult r = parse("-i", "inv.ini", "-f", "5", "--timeout", "30s", "--json",
                "exec", "web", "--", "uptime", "-p");
        Options o = top(r).options();
        assertEquals(Path.of("inv.ini"), o.inventory());
        assertEquals(5, o.forks());
        assertEquals(Duration.ofSeconds(30), o.timeout());
        assertTrue(o.json());
        ExecCommand exec = (ExecCommand) r.subcommand().commandSpec().userObject();
        assertEquals("web", exec.pattern);
        assertEquals(List.of("uptime", "-p"), exec.command);
    }

    @Test
    void theJsonOptionsHelpNamesTheCommandsOfTheFleetsMemory() {
        // ops history --help said --json was for exec, -e, systems, types, jobs, stats and converge only
        String help = OpsCommand.commandLine().getSubcommands().get("history").getUsageMessage(CommandLine.Help.Ansi.OFF)
                .replaceAll("\\s+", " ");
        assertTrue(help.contains("exec, -e and history rerun: JSON lines"), help);
        assertTrue(help.contains("converge, history, metrics and schedule: one JSON document"), help);
    }

    @Test
    void globalOptionsAfterTheSubcommandNameWorkToo() {
        CommandLine.ParseResult r = parse("exec", "--json", "--accept-new-host-keys", "web", "--", "ls", "-la");
        ExecCommand exec = (ExecCommand) r.subcommand().commandSpec().userObject();
        assertTrue(exec.parent.options().json());
        assertTrue(exec.parent.options().acceptNewHostKeys());
        assertEquals(List.of("ls", "-la"), exec.command);
    }

    @Test
    void execCommandWordsWithDashesPassWithoutTheDoubleDash() {
        CommandLine.ParseResult r = parse("exec", "localhost", "echo", "-n", "hi");
        ExecCommand exec = (ExecCommand) r.subcommand().commandSpec().userObject();
        assertEquals(List.of("echo", "-n", "hi"), exec.command);
    }

    @Test
    void scriptArgumentsPassThroughUntouchedEvenWithDashes() {
        OpsCommand c = top(parse("--forks", "3", "deploy.jsh", "web", "--force", "-x"));
        assertEquals(Path.of("deploy.jsh"), c.script);
        assertEquals(List.of("web", "--force", "-x"), c.args);
        assertEquals(3, c.options().forks());
    }

    @Test
    void repeatedDashEAreCollectedInOrder() {
        OpsCommand c = top(parse("-e", "var x = 1;", "-e", "x + 1"));
        assertEquals(List.of("var x = 1;", "x + 1"), c.expressions);
        assertNull(c.script);
    }

    @Test
    void aBadTimeoutIsAUsageErrorWithExitCodeTwoAndAHint() {
        StringWriter err = new StringWriter();
        CommandLine cl = OpsCommand.commandLine();
        cl.setErr(new PrintWriter(err));
        assertEquals(2, cl.execute("--timeout", "soon", "-e", "1"));
        assertTrue(err.toString().contains("write it as 500ms, 30s, 5m or 2h"), err.toString());
    }

    @Test
    void anUnknownOptionIsAUsageError() {
        CommandLine cl = OpsCommand.commandLine();
        cl.setErr(new PrintWriter(new StringWriter()));
        assertEquals(2, cl.execute("--no-such-option"));
    }

    @Test
    void execWithoutACommandIsAUsageError() {
        CommandLine cl = OpsCommand.commandLine();
        cl.setErr(new PrintWriter(new StringWriter()));
        assertEquals(2, cl.execute("exec", "web"));
    }

    @Test
    void optionsBecomeSettings() {
        Options o = new Options(null, 7, Duration.ofMinutes(5), false, true, true);
        assertEquals(7, o.settings().forks());
        assertEquals(Duration.ofMinutes(5), o.settings().commandTimeout());
        assertTrue(o.settings().acceptNewHostKeys());
        assertTrue(o.settings().stream());
    }
}
