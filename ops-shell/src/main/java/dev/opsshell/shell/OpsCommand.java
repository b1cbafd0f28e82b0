package dev.opsshell.shell;

import dev.opsshell.shell.schedule.ScheduleCommand;
import dev.opsshell.shell.history.HistoryCommand;
import dev.opsshell.shell.systems.ConvergeCommand;
import dev.opsshell.shell.systems.JobsCommand;
import dev.opsshell.shell.systems.StatsCommand;
import dev.opsshell.shell.systems.SystemsCommand;
import dev.opsshell.shell.systems.TypesCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ScopeType;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * The {@code ops} command line: with nothing, the REPL; with a file, that script; with {@code -e},
 * a one-liner; with a subcommand ({@code exec}, {@code hub}, {@code report}, {@code keys}, {@code systems}, {@code types},
 * {@code jobs}, {@code stats}, {@code converge}), that. The
 * global options are inherited by every subcommand, so they may come before or after its name.
 * Adding a subcommand is adding a class to {@code subcommands}.
 */
@Command(name = "ops", mixinStandardHelpOptions = true, versionProvider = Version.class,
        subcommands = {ExecCommand.class, CheckCommand.class, HubCommand.class, ReportCommand.class, KeysCommand.class, SystemsCommand.class, TypesCommand.class,
                JobsCommand.class, StatsCommand.class, ConvergeCommand.class, MetricsCommand.class, ScheduleCommand.class, HistoryCommand.class},
        description = "A live, REPL-driven operations shell: run commands on groups of hosts and work with the results as data.",
        footer = {"", "Exit codes:", "  0 all ok     1 script error     2 usage or inventory error",
                "  4 some hosts unreachable, auth or host key refused, timed out",
                "  5 some hosts exited non-zero (4 wins when both)",
                "  A script ends with the worst of all its steps, unless it says exitCode(n) or exit(n).", "",
                "Examples:", "  ops                               the REPL",
                "  ops deploy.jsh web                run a script; it sees args = {\"web\"}",
                "  ops -e 'localhost().exec(\"uptime\")'", "  ops exec 'web:&prod' -- uptime",
                "  ops hub --port 4505               the hub agents connect to",
                "  ops hub --http 9464               and the report (/report) and Prometheus metrics (/metrics)",
                "  ops report --out r.html --since 24h   the HTML report of the store's samples and runs",
                "  ops exec --via agent '*' -- uptime   every connected agent",
                "  ops systems create --type web --count 2   two systems (kvm; the test hypervisor unless OPS_KVM_URI)",
                "  ops systems stop --type web --grace 90s   then ops systems list --json, ops jobs, ops stats",
                "  ops converge web=4 lb=1 --plan    what reaching those counts would create or destroy",
                "  ops schedule add disk --every 5m command web 'df -h /'   a schedule ops hub runs"})
public final class OpsCommand implements Callable<Integer> {

    @Option(names = {"-i", "--inventory"}, paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "Inventory file (Ansible INI/YAML). Default: $OPS_INVENTORY, else ~/.ops/inventory, else localhost only.")
    Path inventory;

    @Option(names = {"-f", "--forks"}, paramLabel = "N", scope = ScopeType.INHERIT,
            description = "How many hosts are worked on at once (default 64; ops exec: every host, up to 256).")
    Integer forks;

    @Option(names = "--timeout", paramLabel = "DURATION", scope = ScopeType.INHERIT, converter = DurationConverter.class,
            description = "How long a command may run before it is killed: 30s, 5m, 1h (default 10m; 0 = no limit).")
    Duration timeout;

    @Option(names = "--json", scope = ScopeType.INHERIT,
            description = "exec, -e and history rerun: JSON lines, one object per host; systems, types, jobs, stats, converge,"
                    + " history, metrics and schedule: one JSON document.")
    boolean json;

    @Option(names = "--accept-new-host-keys", scope = ScopeType.INHERIT,
            description = "Add unknown SSH host keys to known_hosts (a changed key is still refused).")
    boolean acceptNewHostKeys;

    @Option(names = "--stream", scope = ScopeType.INHERIT, description = "Print output lines live, prefixed by host.")
    boolean stream;

    @Option(names = "--store", paramLabel = "URL|FILE", scope = ScopeType.INHERIT,
            description = "The systems store: an SQLite file or jdbc:postgresql://HOST:PORT/DB."
                    + " Default: $OPS_STORE, else store= in ~/.ops/config, else ~/.ops/ops.db.")
    String store;

    @Option(names = "-e", paramLabel = "CODE", description = "Evaluate Java code (the shell's language) and print its value.")
    List<String> expressions = new ArrayList<>();

    @Parameters(index = "0", arity = "0..1", paramLabel = "SCRIPT", description = "A .jsh script to run instead of the REPL.")
    Path script;

    @Parameters(index = "1..*", paramLabel = "ARGS", description = "Arguments for the script, visible to it as String[] args.")
    List<String> args = new ArrayList<>();

    /** The command line, configured: script arguments pass through untouched, even those with dashes. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new OpsCommand());
        cl.setStopAtPositional(true);
        cl.getSubcommands().get("exec").setStopAtPositional(false).setUnmatchedOptionsArePositionalParams(true);
        cl.getSubcommands().get("check").setStopAtPositional(false);
        // a key's name is no script argument: options may follow it (`ops keys delete web1 --key-dir D`)
        cl.getSubcommands().get("keys").setStopAtPositional(false).getSubcommands().values()
                .forEach(sub -> sub.setStopAtPositional(false));
        // ids and filters mix freely: `ops systems stop a1 b2 --grace 90s`
        for (String name : List.of("systems", "types", "jobs", "stats", "converge", "metrics", "schedule", "history")) stopAtPositional(cl.getSubcommands().get(name), false);
        cl.setExecutionExceptionHandler((e, line, parsed) -> {
            line.getErr().println("ops: " + e);
            return ExitCodes.SCRIPT_ERROR;
        });
        return cl;
    }

    private static void stopAtPositional(CommandLine cl, boolean stop) {
        cl.setStopAtPositional(stop);
        cl.getSubcommands().values().forEach(sub -> stopAtPositional(sub, stop));
    }

    /** The global options as given (also after a subcommand's name). */
    public Options options() {
        return new Options(inventory, forks, timeout, json, acceptNewHostKeys, stream, store);
    }

    @Override
    public Integer call() {
        if (!expressions.isEmpty()) {
            if (script != null) {
                System.err.println("ops: give either -e CODE or a script, not both");
                return ExitCodes.USAGE;
            }
            return Batch.oneLiner(options(), String.join("\n", expressions));
        }
        if (script != null) return Batch.script(options(), script, args);
        return Repl.run(options());
    }
}
