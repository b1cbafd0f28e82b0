package dev.opsshell.remote;

import dev.opsshell.core.Session;
import dev.opsshell.core.host.Host;
import dev.opsshell.core.host.Hosts;
import dev.opsshell.core.inventory.Inventory;
import dev.opsshell.core.pipeline.Exec;
import dev.opsshell.core.pipeline.Operation;
import dev.opsshell.core.pipeline.Pick;
import dev.opsshell.core.pipeline.Stage;
import dev.opsshell.core.pipeline.Step;
import dev.opsshell.core.result.Result;
import dev.opsshell.core.result.Results;
import dev.opsshell.core.transport.Settings;
import dev.opsshell.remote.check.Check;
import dev.opsshell.remote.check.CheckReport;
import dev.opsshell.remote.check.CheckRun;
import dev.opsshell.remote.check.Gossfile;
import dev.opsshell.remote.ssh.HostKeys;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

/**
 * The shell's vocabulary, preloaded by {@code import static dev.opsshell.remote.Ops.*}:
 * <pre>{@code
 * var web = hosts("web");
 * web.exec("uptime").pretty();
 * run(ls(web, "/", "-la"), pick(successful()), exec("df -h /"), pretty());
 * }</pre>
 * Everything reads and changes {@link Session#current()}.
 */
public final class Ops {
    private Ops() {
    }

    // ---- hosts

    /** The hosts a pattern selects from the inventory: a group, a host, {@code web:&prod:!db}, {@code web[01-03]}. */
    public static Hosts hosts(String pattern) {
        return Session.current().inventory().select(pattern);
    }

    /** The hosts some results are for: {@code hosts(r.successful())}, the same as {@code r.successful().hosts()}. */
    public static Hosts hosts(Results results) {
        return results.hosts();
    }

    /** This machine, through the local transport. */
    public static Hosts localhost() {
        return Hosts.of("localhost", List.of(Host.of("localhost")));
    }

    // ---- operations

    /** Runs a shell command on every host. */
    public static Operation exec(String command) {
        return Exec.of(command);
    }

    /** Runs a shell command through sudo. */
    public static Operation sudo(String command) {
        return Exec.sudo(command);
    }

    /** Lists a directory: {@code ls("/", "-la")}. */
    public static Operation ls(String path, String... flags) {
        String line = "ls " + String.join(" ", flags) + " " + Quote.shell(path);
        return Exec.titled("ls " + path, line.replaceAll(" +", " "));
    }

    /** Lists a directory on {@code hosts} now, for the start of a pipeline. */
    public static Results ls(Hosts hosts, String path, String... flags) {
        return hosts.run(ls(path, flags));
    }

    /**
     * Copies a local file to {@code remotePath} on every host (SFTP over SSH); agents refuse a
     * directory others may write to unless asked: {@code upload(…).intoSharedDirectory()}.
     */
    public static Transfer upload(String localPath, String remotePath) {
        return Transfer.upload(localPath, remotePath);
    }

    /** Copies {@code remotePath} from every host into {@code localDir/<host name>/}. */
    public static Operation download(String remotePath, String localDir) {
        return Transfer.download(remotePath, localDir);
    }

    // ---- checks (the subjects and matchers are in dev.opsshell.remote.check.Checks)

    /**
     * Runs checks on every host, all of a host's checks in one round trip, and returns each
     * check's verdict with the observed value next to the expected one:
     * {@code check(hosts("web"), pkg("nginx").installed(), port(80).listening())}.
     */
    public static CheckReport check(Hosts hosts, Check... checks) {
        return check(hosts, List.of(checks));
    }

    /** Runs checks (for instance a gossfile's: {@code check(hosts("web"), goss("goss.yaml"))}) on every host. */
    public static CheckReport check(Hosts hosts, List<Check> checks) {
        return new CheckRun(checks).report(hosts);
    }

    /** Runs checks on the hosts a pattern selects. */
    public static CheckReport check(String pattern, Check... checks) {
        return check(hosts(pattern), checks);
    }

    /** Checks as an operation: a host's result is ok when all its checks passed ({@code pick(failed())}). */
    public static Operation check(Check... checks) {
        return new CheckRun(List.of(checks));
    }

    /** The checks of a goss file, as goss reads them; anything ops does not support is an error naming it. */
    public static List<Check> goss(String path) {
        return Gossfile.read(java.nio.file.Path.of(path));
    }

    // ---- pipelines

    /** Runs a pipeline: the first results, then each step on what the one before left. */
    public static Stage run(Results first, Step... steps) {
        return Stage.of(first).then(steps);
    }

    public static Step pick(Predicate<Result> test) {
        return Pick.pick(test);
    }

    public static Predicate<Result> successful() {
        return Pick.successful();
    }

    public static Predicate<Result> failed() {
        return Pick.failed();
    }

    /** The step that prints the stage's results. */
    public static Step pretty() {
        return stage -> {
            stage.results().pretty();
            return stage;
        };
    }

    /** The step that prints the stage's results as JSON lines. */
    public static Step json() {
        return stage -> {
            stage.results().json();
            return stage;
        };
    }

    // ---- settings

    public static Settings settings() {
        return Session.current().settings();
    }

    /** How many hosts are worked on at once. */
    public static Settings forks(int n) {
        return Session.current().update(s -> s.withForks(n));
    }

    /** How long a command may run before it is killed. */
    public static Settings timeout(Duration limit) {
        return Session.current().update(s -> s.withCommandTimeout(limit));
    }

    /** Bytes of each output stream kept per host. */
    public static Settings outputCap(long bytes) {
        return Session.current().update(s -> s.withOutputCap(bytes));
    }

    /** Print output lines live, prefixed by host, as they arrive. */
    public static Settings stream(boolean on) {
        return Session.current().update(s -> s.withStream(on));
    }

    /** How long to wait for a host's connection and SSH handshake. */
    public static Settings connectTimeout(Duration limit) {
        return Session.current().update(s -> s.withConnectTimeout(limit));
    }

    /** Add unknown host keys to known_hosts (a changed key is still refused). */
    public static Settings acceptNewHostKeys(boolean on) {
        return Session.current().update(s -> s.withAcceptNewHostKeys(on));
    }

    /**
     * Adds the SSH host keys of the hosts a pattern selects to known_hosts where none is there yet
     * (a changed key is still refused); each host's result names the key it added.
     */
    public static Results acceptHostKeys(String pattern) {
        return acceptHostKeys(hosts(pattern));
    }

    /** Adds these hosts' SSH host keys to known_hosts where none is there yet. */
    public static Results acceptHostKeys(Hosts hosts) {
        return hosts.run(HostKeys.accept());
    }

    /**
     * Reads the inventory file again now (the shell also does so by itself when the file changed);
     * a file that no longer reads keeps the previous inventory and says file:line.
     */
    public static Inventory reloadInventory() {
        return Session.current().reloadInventory();
    }

    public static Duration seconds(long n) {
        return Duration.ofSeconds(n);
    }

    // ---- help

    /** Prints the vocabulary with a line on each. */
    public static void help() {
        Session.current().out().print(Help.text(Session.current().columns()));
        Session.current().out().flush();
    }
}
