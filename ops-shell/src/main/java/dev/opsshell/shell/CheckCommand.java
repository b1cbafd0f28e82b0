package dev.opsshell.shell;

import dev.opsshell.core.Session;
import dev.opsshell.core.host.Hosts;
import dev.opsshell.core.inventory.InventoryException;
import dev.opsshell.core.run.Progress;
import dev.opsshell.remote.check.Check;
import dev.opsshell.remote.check.CheckReport;
import dev.opsshell.remote.check.CheckRun;
import dev.opsshell.remote.check.Gossfile;
import dev.opsshell.remote.check.GossfileException;
import dev.opsshell.shell.terminal.ConsolePrompter;
import dev.opsshell.shell.terminal.CtrlC;
import dev.opsshell.shell.terminal.ProgressLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import static dev.opsshell.remote.check.Checks.addr;
import static dev.opsshell.remote.check.Checks.cmd;
import static dev.opsshell.remote.check.Checks.dns;
import static dev.opsshell.remote.check.Checks.file;
import static dev.opsshell.remote.check.Checks.group;
import static dev.opsshell.remote.check.Checks.http;
import static dev.opsshell.remote.check.Checks.kernelParam;
import static dev.opsshell.remote.check.Checks.mount;
import static dev.opsshell.remote.check.Checks.pkg;
import static dev.opsshell.remote.check.Checks.port;
import static dev.opsshell.remote.check.Checks.process;
import static dev.opsshell.remote.check.Checks.service;
import static dev.opsshell.remote.check.Checks.user;

/**
 * {@code ops check PATTERN [--package P] … [-g goss.yaml] [--format F] [--junit FILE]}: runs
 * checks on every host a pattern selects, all of a host's checks in one round trip. Exits 0 when
 * every check passed on every host, 5 when some check failed or could not be answered, 4 when some
 * host was unreachable (4 wins), 2 for a bad pattern, inventory, option or gossfile.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Check hosts' state (packages, services, ports, files, …) or run a goss file on them.",
        footer = {"", "Exit codes: 0 every check passed on every host, 5 some check failed or errored,",
                "  4 some host unreachable (wins over 5), 2 bad pattern, inventory, option or goss file.", "",
                "Examples:", "  ops check web --package nginx --service nginx --port 80",
                "  ops check 'web:&prod' -g goss.yaml --format junit --junit report.xml"})
final class CheckCommand implements Callable<Integer> {

    @ParentCommand
    OpsCommand parent;

    @Parameters(index = "0", paramLabel = "PATTERN", description = "Hosts: a group, host, pattern or node set.")
    String pattern;

    @Option(names = {"-g", "--gossfile"}, paramLabel = "FILE", description = "A goss file whose checks to run (repeatable).")
    List<Path> gossfiles = new ArrayList<>();

    @Option(names = "--package", paramLabel = "NAME", description = "The package is installed.")
    List<String> packages = new ArrayList<>();

    @Option(names = "--service", paramLabel = "NAME", description = "The service is running.")
    List<String> services = new ArrayList<>();

    @Option(names = "--port", paramLabel = "PORT", description = "Something listens on the port (22, tcp6:22, udp:53).")
    List<String> ports = new ArrayList<>();

    @Option(names = "--file", paramLabel = "PATH", description = "The file exists.")
    List<String> files = new ArrayList<>();

    @Option(names = "--command", paramLabel = "CMD", description = "The command exits 0.")
    List<String> commands = new ArrayList<>();

    @Option(names = "--process", paramLabel = "NAME", description = "A process with this executable name runs.")
    List<String> processes = new ArrayList<>();

    @Option(names = "--user", paramLabel = "NAME", description = "The user exists.")
    List<String> users = new ArrayList<>();

    @Option(names = "--group", paramLabel = "NAME", description = "The group exists.")
    List<String> groups = new ArrayList<>();

    @Option(names = "--http", paramLabel = "URL", description = "The URL answers 200 (requested from the host).")
    List<String> urls = new ArrayList<>();

    @Option(names = "--kernel-param", paramLabel = "NAME=VALUE", description = "The sysctl has this value.")
    List<String> kernelParams = new ArrayList<>();

    @Option(names = "--mount", paramLabel = "PATH", description = "Something is mounted there.")
    List<String> mounts = new ArrayList<>();

    @Option(names = "--addr", paramLabel = "tcp://HOST:PORT", description = "The host reaches this address.")
    List<String> addrs = new ArrayList<>();

    @Option(names = "--dns", paramLabel = "NAME", description = "The host resolves this name.")
    List<String> names = new ArrayList<>();

    @Option(names = "--format", paramLabel = "FORMAT", description = "pretty (default), json, junit or tap.")
    String format = "pretty";

    @Option(names = "--junit", paramLabel = "FILE", description = "Also write JUnit XML here (a testsuite per host).")
    Path junit;

    @Option(names = "--via", paramLabel = "TRANSPORT", description = "Reach every host through this transport: ssh, local or agent.")
    String via;

    @Option(names = "--hub", paramLabel = "tcp://HOST:PORT", description = "With --via agent: the hub to go through.")
    String hub;

    @Option(names = "--hub-key", paramLabel = "KEY", description = "With --via agent: the hub's public key, or @FILE.")
    String hubKey;

    @Override
    public Integer call() {
        if (!List.of("pretty", "json", "junit", "tap").contains(format)) {
            System.err.println("ops check: --format is one of pretty, json, junit, tap (not '" + format + "')");
            return ExitCodes.USAGE;
        }
        List<Check> checks;
        try {
            checks = checks();
        } catch (GossfileException e) {
            System.err.println("ops check: " + e.getMessage());
            return ExitCodes.USAGE;
        } catch (IllegalArgumentException e) {
            System.err.println("ops check: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        if (checks.isEmpty()) {
            System.err.println("ops check: nothing to check: give -g goss.yaml or --package/--service/--port/--file/… (ops check --help)");
            return ExitCodes.USAGE;
        }
        Options options = parent.options();
        CtrlC.cancelFanoutsFirst();
        Progress.Factory progress = ProgressLine.forThisProcess(options.stream() || !format.equals("pretty"));
        try (Session session = options.openSession(System.out, ConsolePrompter.forThisProcess(), progress)) {
            Hosts hosts = AgentExec.hosts(session, pattern, via, hub, hubKey);
            if (options.forks() == null) session.update(s -> s.withForks(ExecCommand.defaultForks(hosts.size(), s.forks())));
            CheckReport report = new CheckRun(checks).report(hosts);
            switch (format) {
                case "json" -> report.json();
                case "junit" -> report.junit();
                case "tap" -> report.tap();
                default -> report.pretty();
            }
            if (junit != null) report.junit(junit);
            return report.exitCode();
        } catch (InventoryException | dev.opsshell.remote.hub.HubException e) {
            System.err.println("ops: " + e.getMessage());
            return e instanceof InventoryException ? ExitCodes.USAGE : ExitCodes.UNREACHABLE;
        }
    }

    private List<Check> checks() {
        List<Check> out = new ArrayList<>();
        for (Path g : gossfiles) out.addAll(Gossfile.read(g));
        packages.forEach(p -> out.add(pkg(p).installed()));
        services.forEach(s -> out.add(service(s).running()));
        ports.forEach(p -> out.add(port(p).listening()));
        files.forEach(f -> out.add(file(f).exists()));
        commands.forEach(c -> out.add(cmd(c).succeeds()));
        processes.forEach(p -> out.add(process(p).running()));
        users.forEach(u -> out.add(user(u).exists()));
        groups.forEach(g -> out.add(group(g).exists()));
        urls.forEach(u -> out.add(http(u).status(200)));
        for (String kp : kernelParams) {
            int eq = kp.indexOf('=');
            if (eq <= 0) throw new IllegalArgumentException("--kernel-param takes NAME=VALUE (kernel.ostype=Linux), not '" + kp + "'");
            out.add(kernelParam(kp.substring(0, eq)).value(kp.substring(eq + 1)));
        }
        mounts.forEach(m -> out.add(mount(m).exists()));
        addrs.forEach(a -> out.add(addr(a).reachable()));
        names.forEach(n -> out.add(dns(n).resolvable()));
        return out;
    }
}
