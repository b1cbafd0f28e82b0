package dev.opsshell.remote;

import dev.opsshell.core.facts.Facts;
import dev.opsshell.core.facts.FactsResults;
import dev.opsshell.core.facts.GatherFacts;
import dev.opsshell.core.host.Hosts;
import dev.opsshell.core.history.Recipe;
import dev.opsshell.core.pipeline.HostScript;
import dev.opsshell.core.pipeline.Operation;
import dev.opsshell.core.result.HostValues;
import dev.opsshell.core.result.Result;
import dev.opsshell.core.result.Results;
import dev.opsshell.remote.files.Change;
import dev.opsshell.remote.files.Copies;
import dev.opsshell.remote.files.Files;
import dev.opsshell.remote.machine.Accounts;
import dev.opsshell.remote.machine.Inspect;
import dev.opsshell.remote.machine.ListeningPort;
import dev.opsshell.remote.machine.ProcessInfo;
import dev.opsshell.remote.machine.Reboot;
import dev.opsshell.remote.packages.InstalledPackages;
import dev.opsshell.remote.packages.Packages;
import dev.opsshell.remote.services.ServiceState;
import dev.opsshell.remote.services.Services;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The everyday operations, preloaded next to {@link Ops}: facts, packages, services, files,
 * processes, accounts, ports, reboot. Each is one script per host through the host's own transport
 * (agent, SSH or local), so it composes in pipelines like {@code exec}:
 * <pre>{@code
 * facts(hosts("all"));                                          // a table; .where(f -> f.os().is("debian"))
 * run(update(hosts("web")), pick(successful()), upgrade(), pretty());
 * hosts("web").run(install("nginx"));
 * run(hosts("web").run(template("/etc/app.conf", text, Map.of())), pick(changed()), restart("app"));
 * }</pre>
 */
public final class Everyday {
    private Everyday() {
    }

    // ---- facts

    /** Each host's facts, gathered now in one round trip per host; echoes a table. */
    public static FactsResults facts(Hosts hosts) {
        return GatherFacts.gather(hosts);
    }

    /** The facts of the hosts a pattern selects. */
    public static FactsResults facts(String pattern) {
        return facts(Ops.hosts(pattern));
    }

    /** The hosts whose facts pass a test: {@code where(hosts("all"), f -> f.os().is("debian"))}. */
    public static Hosts where(Hosts hosts, Predicate<Facts> test) {
        return hosts.where(test);
    }

    // ---- packages

    /** Refreshes the package lists (apt-get update, dnf makecache, …) on {@code hosts} now. */
    public static Results update(Hosts hosts) {
        return hosts.run(update());
    }

    /** Operation: refresh the package lists; waits up to 60 s for another run's lock. */
    public static HostScript update() {
        return Packages.update(Packages.DEFAULT_LOCK_WAIT).rebuiltBy(Recipe.of("update"));
    }

    /** Operation: upgrade every package, noninteractive, keeping changed config files. */
    public static HostScript upgrade() {
        return Packages.upgrade(Packages.DEFAULT_LOCK_WAIT).rebuiltBy(Recipe.of("upgrade"));
    }

    /** Operation: install packages (already installed ones stay as they are). */
    public static HostScript install(String... packages) {
        return Packages.install(Packages.DEFAULT_LOCK_WAIT, List.of(packages)).rebuiltBy(Recipe.of("install", packages));
    }

    /** Operation: install, waiting at most {@code lockWait} for the package manager's lock. */
    public static HostScript install(Duration lockWait, String... packages) {
        return Packages.install(lockWait, List.of(packages));
    }

    /** Operation: remove packages. */
    public static HostScript remove(String... packages) {
        return Packages.remove(Packages.DEFAULT_LOCK_WAIT, List.of(packages)).rebuiltBy(Recipe.of("remove", packages));
    }

    /** Operation: remove, waiting at most {@code lockWait} for the package manager's lock. */
    public static HostScript remove(Duration lockWait, String... packages) {
        return Packages.remove(lockWait, List.of(packages));
    }

    /** Each host's installed version of each package (empty where it is not installed). */
    public static HostValues<InstalledPackages> installed(Hosts hosts, String... packages) {
        return Packages.installed(hosts, List.of(packages));
    }

    // ---- services

    public static HostScript start(String service) {
        return Services.start(service).rebuiltBy(Recipe.of("start", service));
    }

    public static HostScript stop(String service) {
        return Services.stop(service).rebuiltBy(Recipe.of("stop", service));
    }

    public static HostScript restart(String service) {
        return Services.restart(service).rebuiltBy(Recipe.of("restart", service));
    }

    public static HostScript reload(String service) {
        return Services.reload(service).rebuiltBy(Recipe.of("reload", service));
    }

    public static HostScript enable(String service) {
        return Services.enable(service).rebuiltBy(Recipe.of("enable", service));
    }

    public static HostScript disable(String service) {
        return Services.disable(service).rebuiltBy(Recipe.of("disable", service));
    }

    /** Each host's state of a service: running, enabled, and by which init system. */
    public static HostValues<ServiceState> service(Hosts hosts, String service) {
        return Services.service(hosts, service);
    }

    // ---- files

    /** Operation: make {@code path} hold exactly {@code content} (changed only where it differed). */
    public static HostScript write(String path, String content) {
        return Files.write(path, content);
    }

    /** Operation: {@code {{ name }}} filled per host from its inventory variables and {@code vars}, written where it differs. */
    public static HostScript template(String path, String text, Map<String, String> vars) {
        return Files.template(path, text, vars, null);
    }

    /** The same with the hosts' facts as {@code facts.os}, {@code facts.cpus}, {@code facts.address}, … */
    public static HostScript template(String path, String text, Map<String, String> vars, FactsResults facts) {
        return Files.template(path, text, vars, facts);
    }

    public static HostScript mkdir(String path) {
        return Files.mkdir(path).rebuiltBy(Recipe.of("mkdir", path));
    }

    public static HostScript rm(String path) {
        return Files.rm(path).rebuiltBy(Recipe.of("rm", path));
    }

    public static HostScript chmod(String mode, String path) {
        return Files.chmod(mode, path).rebuiltBy(Recipe.of("chmod", mode, path));
    }

    public static HostScript chown(String owner, String path) {
        return Files.chown(owner, path).rebuiltBy(Recipe.of("chown", owner, path));
    }

    /** Operation: append {@code line} to the file unless it has it already. */
    public static HostScript lineInFile(String path, String line) {
        return Files.lineInFile(path, line).rebuiltBy(Recipe.of("lineInFile", path, line));
    }

    /** Operation: copy a local file unless the host's copy has the same sha256. */
    public static Operation putFile(String localFile, String remotePath) {
        return Copies.put(localFile, remotePath);
    }

    /** Operation: copy the files of a local directory that differ (by sha256) into {@code remoteDir}. */
    public static Operation sync(String localDir, String remoteDir) {
        return Copies.sync(localDir, remoteDir);
    }

    /** Test: the operation changed something on the host. */
    public static Predicate<Result> changed() {
        return Change.isChanged();
    }

    /** Test: the operation found everything already as asked. */
    public static Predicate<Result> unchanged() {
        return Change.isUnchanged();
    }

    // ---- processes, accounts, ports, reboot

    /** The processes whose name is {@code name} or whose command line contains it. */
    public static HostValues<List<ProcessInfo>> processes(Hosts hosts, String name) {
        return Inspect.processes(hosts, name);
    }

    /** Users and groups (getent), with {@code user("x")}, {@code group("y")}, {@code inGroup(u, g)}. */
    public static HostValues<Accounts> accounts(Hosts hosts) {
        return Inspect.accounts(hosts);
    }

    /** The listening TCP and bound UDP ports, with the process where known. */
    public static HostValues<List<ListeningPort>> ports(Hosts hosts) {
        return Inspect.ports(hosts);
    }

    /** Reboots the hosts and waits (up to 5 minutes) until each answers with a new boot id. */
    public static Results reboot(Hosts hosts) {
        return reboot(hosts, Duration.ofMinutes(5));
    }

    public static Results reboot(Hosts hosts, Duration wait) {
        return hosts.run(Reboot.of(wait));
    }
}
