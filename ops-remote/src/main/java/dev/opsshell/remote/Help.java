package dev.opsshell.remote;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The text {@code help()} prints: the vocabulary of {@link Ops}, one line each, grouped. The
 * descriptions are curated here; a test checks every public method of {@code Ops} has one, so
 * the list cannot drift from the code. A method added without a line still shows, marked.
 */
public final class Help {
    /** Section, then usage → description, in the order a newcomer meets them. */
    static final Map<String, Map<String, String>> TABLE = new LinkedHashMap<>();

    static {
        section("Hosts",
                "hosts(\"web\")", "the hosts a pattern selects: group, host, web:&prod:!db, web[0:2], web[01-03], root@10.0.0.5:2222",
                "localhost()", "this machine, through the local transport");
        section("Operations (run with hosts.run(op), or as pipeline steps)",
                "exec(\"cmd\")", "run a shell command on every host (also hosts.exec(\"cmd\"))",
                "sudo(\"cmd\")", "run a command through sudo; the password is asked once, never echoed",
                "ls(\"/path\", \"-la\")", "list a directory; ls(hosts, path, flags) runs it at once",
                "upload(\"local\", \"/remote/path\")", "copy a local file to every host (SFTP; agents: add .intoSharedDirectory() for /tmp and the like)",
                "download(\"/remote/path\", \"dir\")", "copy a file from every host into dir/<host>/");
        section("Pipelines",
                "run(results, steps…)", "start a pipeline from results and apply steps in order",
                "pick(successful())", "step: narrow the hosts to those whose result passes a test",
                "successful()", "test: the host's command exited 0",
                "failed()", "test: anything but exit 0",
                "pretty()", "step: print the stage's results (✔/✗ per host, grouped, summary)",
                "json()", "step: print the stage's results as JSON lines");
        section("Settings",
                "settings()", "the current settings (forks, timeouts, output cap, …)",
                "forks(64)", "how many hosts are worked on at once",
                "timeout(seconds(30))", "how long a command may run before it is killed",
                "outputCap(1 << 20)", "bytes of each output stream kept per host",
                "stream(true)", "print output lines live, prefixed by host, as they arrive",
                "connectTimeout(seconds(10))", "how long to wait for a host's connection and SSH handshake",
                "acceptNewHostKeys(true)", "add unknown host keys to known_hosts (changed keys stay refused)",
                "acceptHostKeys(\"web*\")", "add the unknown host keys of the hosts a pattern selects, now",
                "reloadInventory()", "read the inventory file again (the shell also does when it changes)",
                "seconds(30)", "a Duration of n seconds");
        section("Agents (the hub starts on first use; see docs/agent.md)",
                "agents()", "connected, down and pending agents, as a table",
                "agent()", "the transport name for hosts.via(agent())",
                "agentHosts(\"web*\")", "a pattern over the inventory plus connected agents; \"*\" = every agent",
                "acceptAgent(\"web1\", \"SHA256:…\")", "let a pending agent in if its key has the fingerprint it logged",
                "acceptAgent(\"web1\")", "let in whatever key is pending as web1 (shows its fingerprint)",
                "rejectAgent(\"web1\")", "refuse an agent's key at the handshake from now on",
                "deleteAgent(\"web1\")", "forget an agent's key",
                "hub()", "the session's hub (or its link to a standalone `ops hub`)",
                "hubKey()", "the hub's public key, for an agent's --hub-key",
                "deployAgent(hosts)", "install and start agents over SSH, wait until they register",
                "downgrade(exec(\"cmd\"))", "operation: through agents, SSH where no agent is connected",
                "facts()", "operation: each agent's os, kernel, arch, cpus, memory, addresses",
                "ping()", "operation: a round trip to each host's agent",
                "metrics()", "operation: cpu, memory, load and uptime from each host's /proc");
        section("Metrics over time (from /proc or the agents' own sampler, kept in the store; see docs/metrics.md)",
                "sample(hosts, cpu(), memory())", "one round now on every host (every family when none is named): stored, shown as a table",
                "cpu()", "family: user, system, iowait, steal, idle (percent), cores",
                "load()", "family: 1m, 5m, 15m load averages, cores",
                "memory()", "family: total, used, available bytes, used_pct",
                "swap()", "family: total, used bytes, used_pct",
                "disk()", "family: per mount: size, used, free bytes, used_pct (pseudo filesystems left out)",
                "diskio()", "family: per disk: read/write bytes and operations per second, busy_pct",
                "net()", "family: per interface: rx/tx bytes and packets per second",
                "entropy()", "family: bits of entropy available",
                "metrics(\"cpu\")", "stored samples: .last(Duration.ofHours(1)) .host(\"web*\") .field(\"user\") .label(\"/var\") .since(t) .latest() .csv(file) .json(file)",
                "sampler(session)", "the session's sampler; sampleOnce(hosts, families) is what a schedule calls");
        section("Systems (machines ops manages: a store, jobs and drivers; see docs/systems.md)",
                "create(kvm(), small(), type(\"web\"), 2)", "make systems from presets read by kind (driver, size, type, OS, volumes, \"tags\", a count); waits for the jobs",
                "add(\"rack-7\", physical(mac, address), type(\"db\"))", "record a machine that exists already; its state is read from its driver",
                "kvm()", "the kvm driver on $OPS_KVM_URI, else libvirt's test hypervisor (test:///default, no server; machines live as long as the shell)",
                "aws(\"eu-west-1\", \"ami-…\")", "EC2 in a region with an AMI; credentials and endpoint from the AWS SDK's standard places (AWS_* variables, ~/.aws); .with(\"key_name\", …)",
                "physical(\"mac\", \"address\")", "an existing machine: Wake-on-LAN to start, shutdown over SSH to stop",
                "digitalocean(\"ams3\")", "DigitalOcean droplets (default region nyc3); token from $DIGITALOCEAN_ACCESS_TOKEN or digitalocean.token in ~/.ops/config",
                "tiny()", "size: 1 cpu, 512 MB",
                "small()", "size: 1 cpu, 1 GB (the default)",
                "medium()", "size: 2 cpus, 2 GB",
                "large()", "size: 4 cpus, 4 GB",
                "xlarge()", "size: 8 cpus, 8 GB",
                "debian()", "OS preset debian-12 (ubuntu(): ubuntu-24.04)",
                "ubuntu()", "OS preset ubuntu-24.04",
                "volume(\"data\", 20)", "an extra disk of n GB",
                "type(\"redis\")", "the stored type of that name (new and empty if none); .then(command(\"…\")) adds a provisioning step",
                "define(type)", "save a type with its plan for later sessions",
                "command(\"apt-get install -y redis\")", "provisioning step: run a command",
                "script(\"setup.sh\")", "provisioning step: upload a local script and run it with sh",
                "put(\"local\", \"/remote\")", "provisioning step: upload a file",
                "recipe(\"redis.jsh\")", "provisioning step: a .jsh recipe evaluated by the shell, with `hosts` bound to the machine",
                "types()", "the stored types",
                "systems()", "every system, as a table; filters typed(\"web\") in(STATE) running() withIp() id(\"a1\") named(\"web-*\") tagged(\"t\")",
                "system(\"a1b\")", "the system whose id starts with a prefix (unique, as git matches ids)",
                "jobs()", "the last 20 jobs, newest first; jobs on a selection: .start() .stop() .reboot() .provision() .reload() .destroy() .clear()",
                "cancel(\"id\")", "stop a job (or every job of a batch) that has not ended",
                "stats()", "per job kind and driver: count, success rate, median and p95 duration, commonest errors",
                "sync()", "import machines the kvm connection has that the store does not; flag records whose machine is gone",
                "converge(Map.of(type(\"web\"), 4))", "what reaching these counts would create or destroy; .apply() does it");
        section("Schedules and notifications (docs/schedules.md, docs/notifications.md)",
                "every(Duration.ofMinutes(5), \"disk\", () -> hosts(\"web\").exec(\"df -h\"))", "run a lambda every period while this shell runs; the same name again replaces it",
                "cron(\"*/5 * * * *\", \"name\", action)", "the same on Unix cron's five fields (minute hour day-of-month month day-of-week), this machine's time zone",
                "runOn(\"web\", \"df -h\")", "a stored action (kept in the store, run by ops hub): a command on a host pattern",
                "runScript(\"nightly.jsh\", args…)", "a stored action: a .jsh script the hub runs",
                "action(\"sample\", \"web\", \"cpu\")", "a stored action of any kind the hub knows (ops schedule add --help lists them)",
                "schedules()", "this shell's and the store's schedules: when, last run, next run, last outcome, runs, skipped",
                "stopSchedule(\"name\")", "stop one (a run going on finishes)",
                "stopSchedules()", "stop all of this shell's (the store's stay)",
                "stopStoredSchedules()", "remove every schedule kept in the store (ops hub runs them for all)",
                "notifications()", "the notifiers (log, desktop, email, webhook), their settings, and the last notifier failures",
                "notifySetting(\"webhook.url\", \"https://…\")", "change a notify.* setting for this session (~/.ops/config keeps them)",
                "notifyTest()", "send a test notice through every notifier and show how each did");
        section("Facts (one round trip per host; see docs/operations.md)",
                "facts(hosts)", "each host's os, kernel, arch, cpus, memory, swap, mounts, addresses, uptime, load, virtualisation, as a table; facts(\"web\") too",
                "where(hosts, f -> f.os().is(\"debian\"))", "the hosts whose facts pass a test (also hosts.where(f -> …))");
        section("Packages (apt, dnf, yum, apk, zypper, pacman; as root; a held lock fails after 60 s)",
                "update(hosts)", "refresh the package lists now; update() is the operation: run(update(h), pick(successful()), upgrade())",
                "upgrade()", "operation: upgrade every package, noninteractive, keeping changed config files",
                "install(\"pkg\", …)", "operation: install packages; install(seconds(5), \"pkg\") waits at most 5 s for the lock",
                "remove(\"pkg\", …)", "operation: remove packages",
                "installed(hosts, \"pkg\", …)", "each host's installed version of each package (empty: not installed)");
        section("Services (systemd where it is PID 1, else init.d/service, else OpenRC)",
                "start(\"svc\")", "operation: start a service (also stop, restart, reload)",
                "stop(\"svc\")", "operation: stop a service",
                "restart(\"svc\")", "operation: restart a service",
                "reload(\"svc\")", "operation: reload a service's configuration",
                "enable(\"svc\")", "operation: start it at boot (disable(\"svc\"): not)",
                "disable(\"svc\")", "operation: do not start it at boot",
                "service(hosts, \"svc\")", "each host's state of a service: running, enabled, init system");
        section("Files (each says changed: or unchanged: per host; run twice, the second changes nothing)",
                "write(\"/path\", \"content\")", "operation: make a file hold exactly this content",
                "template(\"/path\", text, Map.of(…))", "operation: {{ name }} from the host's vars (and facts, with a 4th argument), written where it differs",
                "mkdir(\"/path\")", "operation: make a directory (and its parents)",
                "rm(\"/path\")", "operation: remove a file or a directory tree",
                "chmod(\"640\", \"/path\")", "operation: set a mode",
                "chown(\"user:group\", \"/path\")", "operation: set an owner",
                "lineInFile(\"/path\", \"line\")", "operation: append the line unless the file has it",
                "putFile(\"local\", \"/remote\")", "operation: copy a file unless the host's has the same sha256",
                "sync(\"localDir\", \"/remote/dir\")", "operation: copy the files that differ (by sha256); nothing is deleted",
                "changed()", "test: the operation changed something: pick(changed())",
                "unchanged()", "test: everything was already as asked");
        section("Processes, accounts, ports, reboot",
                "processes(hosts, \"name\")", "the processes with that name or with it in their command line",
                "accounts(hosts)", "users and groups (getent): .get(\"web1\").user(\"app\"), inGroup(u, g)",
                "ports(hosts)", "listening TCP and bound UDP ports, with the process",
                "reboot(hosts)", "reboot and wait until each host answers with a new boot id (reboot(hosts, seconds(600)))");
        section("Checks (docs/checks.md; goss's meaning, one round trip per host)",
                "check(hosts, checks…)", "run checks on every host: ✔/✗ per host and check, observed next to expected",
                "goss(\"goss.yaml\")", "a goss file's checks: check(hosts(\"web\"), goss(\"goss.yaml\"))",
                "pkg(\"nginx\")", ".installed() .notInstalled() .version(\"1.22.1-9\")",
                "service(\"ssh\")", ".running() .stopped() .enabled() .disabled() (systemd, else service/init.d)",
                "port(22)", ".listening() .closed() .listeningOn(\"0.0.0.0\"); port(\"tcp6:22\"), port(\"udp:53\")",
                "file(\"/etc/passwd\")", ".exists() .absent() .contains(\"root\", \"!/^#/\") .mode(\"0644\") .owner(\"root\") .sha256(…)",
                "cmd(\"uname -s\")", ".exitStatus(0) .succeeds() .stdout(\"Linux\") .stderr(…) .timeout(seconds(5))",
                "process(\"sshd\")", ".running() .notRunning() (the executable's name, /proc/PID/comm)",
                "user(\"deploy\")", ".exists() .absent() .uid(1000) .home(\"/home/deploy\") .shell(…) .inGroups(\"sudo\")",
                "group(\"deploy\")", ".exists() .absent() .gid(1000)",
                "http(\"http://localhost/\")", ".status(200) .body(\"ok\") (curl on the host) .insecure() .noFollowRedirects()",
                "kernelParam(\"kernel.ostype\")", ".value(\"Linux\") or .value(gt(100))",
                "mount(\"/\")", ".exists() .filesystem(\"ext4\") .source(…) .opts(\"rw\") .usage(lt(90))",
                "addr(\"tcp://db:5432\")", ".reachable() .unreachable() .timeout(seconds(1))",
                "dns(\"localhost\")", ".resolvable() .unresolvable() .addrs(\"127.0.0.1\")",
                "not(x)", "matcher: not x",
                "gt(n)", "matcher: a number greater than n (also ge, lt, le)",
                "ge(n)", "matcher: >= n",
                "lt(n)", "matcher: < n",
                "le(n)", "matcher: <= n",
                "matchRegexp(\"re\")", "matcher: the value as text matches a regular expression",
                "havePrefix(\"pre\")", "matcher: the value as text starts with pre",
                "containSubstring(\"s\")", "matcher: the value as text contains s",
                "consistOf(a, b…)", "matcher: exactly these elements, in any order");
        section("Reports (docs/report.md)",
                "report()", "the HTML report of the last 6 hours (a chart per metric and host, the last runs) in ~/.ops/reports/; prints where",
                "report(Path.of(\"r.html\"), Duration.ofHours(24))", "the report of a range, to a file of your choice");
        section("History (every run is recorded in the store; see docs/history.md)",
                "history()", "the newest runs as a table; narrow with .failed() .host(\"web01\") .operation(\"apt*\") .since(Duration.ofHours(1)) .between(from, to) .last(10)",
                "history().get(42)", "one run: who, from where, each host's outcome and output; .rerun() on the same target, .rerunFailed() on the hosts that failed");
        section("Help",
                "help()", "this list");
    }

    private Help() {
    }

    private static void section(String title, String... usageThenText) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < usageThenText.length; i += 2) m.put(usageThenText[i], usageThenText[i + 1]);
        TABLE.put(title, m);
    }

    /** The method name a usage line documents: {@code hosts("web")} → {@code hosts}. */
    static String nameOf(String usage) {
        int paren = usage.indexOf('(');
        return paren < 0 ? usage : usage.substring(0, paren);
    }

    /** The classes whose public static methods the shell imports (and this help describes). */
    static final List<Class<?>> VOCABULARY = List.of(Ops.class, AgentOps.class, SystemsOps.class, ScheduleOps.class, Everyday.class, MetricsOps.class,
            dev.opsshell.remote.check.Checks.class, Reports.class, HistoryOps.class);

    /** The public static methods of the vocabulary classes that have no line in the table. */
    static List<String> undocumented() {
        TreeSet<String> documented = new TreeSet<>();
        TABLE.values().forEach(m -> m.keySet().forEach(u -> documented.add(nameOf(u))));
        TreeSet<String> missing = new TreeSet<>();
        for (Method m : VOCABULARY.stream().flatMap(c -> java.util.Arrays.stream(c.getDeclaredMethods())).toList()) {
            int mod = m.getModifiers();
            if (Modifier.isPublic(mod) && Modifier.isStatic(mod) && !documented.contains(m.getName())) {
                missing.add(m.getName());
            }
        }
        return new ArrayList<>(missing);
    }

    /** The whole help text, one line per entry. */
    public static String text() {
        return text(0);
    }

    /** The whole help text laid out for a terminal {@code columns} wide (0: unknown, one line per entry). */
    public static String text(int columns) {
        List<String> trailer = new ArrayList<>();
        List<String> missing = undocumented();
        if (!missing.isEmpty()) trailer.add("Also (not described yet): " + String.join(", ", missing));
        trailer.add("Results are values: r.successful(), r.failed(), r.byExit(), r.get(\"host\"), r.pretty(), r.json(), r.table()");
        trailer.add("  and run the next step on their hosts: r.successful().exec(\"cmd\"), r.failed().run(op), r.hosts()");
        return HelpLayout.render(TABLE, trailer, columns);
    }
}
