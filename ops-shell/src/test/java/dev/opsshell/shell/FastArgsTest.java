package dev.opsshell.shell;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.util.List;
import java.util.concurrent.Callable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

class FastArgsTest {

    /** What a command line asks for, as comparable text: the options, then -e code or the exec. */
    private static String describe(OpsCommand ops, ExecCommand exec) {
        String base = ops.options() + " e=" + ops.expressions + " script=" + ops.script;
        return exec == null ? base : base + " exec via=" + exec.via + " hub=" + exec.hub + " key=" + exec.hubKey
                + " pattern=" + exec.pattern + " cmd=" + exec.command;
    }

    private static String fast(String... args) {
        Callable<Integer> c = FastArgs.parse(args);
        assertNotNull(c, "read without picocli: " + List.of(args));
        return c instanceof ExecCommand e ? describe(e.parent, e) : describe((OpsCommand) c, null);
    }

    private static String picocli(String... args) {
        CommandLine.ParseResult r = OpsCommand.commandLine().parseArgs(args);
        ExecCommand exec = r.subcommand() == null ? null : (ExecCommand) r.subcommand().commandSpec().userObject();
        return describe((OpsCommand) r.commandSpec().userObject(), exec);
    }

    @Test
    void theCommonLinesMeanExactlyWhatPicocliMakesOfThem() {
        List<String[]> lines = List.of(
                new String[] {},
                new String[] {"-i", "inv.ini", "--forks", "5", "--stream"},
                new String[] {"-e", "localhost().exec(\"true\")"},
                new String[] {"--store", "/tmp/ops.db", "-e", "systems()"},
                new String[] {"-e", "var a = 1;", "-e", "a + 1", "--json", "--timeout", "30s"},
                new String[] {"exec", "lab", "--", "uname", "-a"},
                new String[] {"exec", "-i", "/tmp/inv.ini", "-f", "200", "lab", "--", "uname", "-a"},
                new String[] {"-i", "inv.ini", "-f", "5", "--timeout", "2M", "--json", "exec", "web:&prod", "--", "uptime", "-p"},
                new String[] {"exec", "web", "--accept-new-host-keys", "--via", "agent", "--hub", "tcp://h:4505",
                        "--hub-key", "@k.pub", "--", "ls", "--", "-l"});
        for (String[] line : lines) assertEquals(picocli(line), fast(line), String.join(" ", line));
    }

    @Test
    void everythingElseIsLeftToPicocli() {
        List<String[]> lines = List.of(
                new String[] {"--help"}, new String[] {"-V"}, new String[] {"exec", "--help"},
                new String[] {"deploy.jsh", "web"}, new String[] {"hub", "--port", "4505"}, new String[] {"keys"},
                new String[] {"--forks=5"}, new String[] {"-f", "5", "-f", "6"}, new String[] {"-f", "many"},
                new String[] {"--timeout", "soon"}, new String[] {"-i"}, new String[] {"--via", "agent"},
                new String[] {"exec", "web", "uptime"}, new String[] {"exec", "web", "--"}, new String[] {"exec", "--", "ls"},
                new String[] {"exec", "web", "-e", "1", "--", "ls"}, new String[] {"--unknown"});
        for (String[] line : lines) assertNull(FastArgs.parse(line), String.join(" ", line));
    }

    @Test
    void theReplAndOneLinersAreTheTopCommandAndExecIsTheSubcommand() {
        assertInstanceOf(OpsCommand.class, FastArgs.parse(new String[] {}));
        assertInstanceOf(ExecCommand.class, FastArgs.parse(new String[] {"exec", "h", "--", "true"}));
    }
}
