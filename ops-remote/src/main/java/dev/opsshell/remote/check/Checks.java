package dev.opsshell.remote.check;

import java.util.List;

/**
 * The check vocabulary, preloaded by the shell ({@code import static dev.opsshell.remote.check.Checks.*}):
 * a subject, then what it should be, each a {@link Check}:
 * <pre>{@code
 * check(hosts("web"), pkg("nginx").installed(), service("nginx").running(), port(80).listening(),
 *       file("/etc/nginx/nginx.conf").mode("0644"), http("http://localhost/").status(200));
 * }</pre>
 * Values mean what they mean in goss; any goss matcher may be passed instead of a value
 * ({@code kernelParam("net.core.somaxconn").value(gt(100))}).
 */
public final class Checks {
    private Checks() {
    }

    /** A package ({@code package} in goss; the word is Java's). */
    public static PackageSubject pkg(String name) {
        return new PackageSubject(Subject.of(Kind.PACKAGE, name));
    }

    public static ServiceSubject service(String name) {
        return new ServiceSubject(Subject.of(Kind.SERVICE, name));
    }

    /** A port: {@code port(22)} is tcp:22; {@code port("tcp6:22")}, {@code port("udp:53")}. */
    public static PortSubject port(int number) {
        return port("tcp:" + number);
    }

    public static PortSubject port(String spec) {
        return new PortSubject(Subject.of(Kind.PORT, PortSpec.parse(spec).toString()));
    }

    public static FileSubject file(String path) {
        return new FileSubject(Subject.of(Kind.FILE, path));
    }

    /**
     * A shell command run on the host (10 s limit, as goss): goss's {@code command}, a word the
     * shell already has for provisioning steps ({@code SystemsOps.command}).
     */
    public static CommandSubject cmd(String line) {
        return new CommandSubject(Subject.of(Kind.COMMAND, line));
    }

    /** A process by its executable's name (/proc/PID/comm). */
    public static ProcessSubject process(String comm) {
        return new ProcessSubject(Subject.of(Kind.PROCESS, comm));
    }

    public static UserSubject user(String name) {
        return new UserSubject(Subject.of(Kind.USER, name));
    }

    public static GroupSubject group(String name) {
        return new GroupSubject(Subject.of(Kind.GROUP, name));
    }

    /** An HTTP URL, requested from the host itself (with curl there), redirects followed. */
    public static HttpSubject http(String url) {
        return new HttpSubject(Subject.of(Kind.HTTP, url));
    }

    /** A sysctl such as {@code kernel.ostype}, read from /proc/sys. */
    public static KernelParamSubject kernelParam(String name) {
        return new KernelParamSubject(Subject.of(Kind.KERNEL_PARAM, name));
    }

    public static MountSubject mount(String mountPoint) {
        return new MountSubject(Subject.of(Kind.MOUNT, mountPoint));
    }

    /** An address the host should reach: {@code addr("tcp://db:5432")}. */
    public static AddrSubject addr(String address) {
        AddrSpec.parse(address);
        return new AddrSubject(Subject.of(Kind.ADDR, address));
    }

    /** A name the host should resolve (its resolver: /etc/hosts, then DNS). */
    public static DnsSubject dns(String name) {
        return new DnsSubject(Subject.of(Kind.DNS, name));
    }

    // ---- matchers, for when a value is not enough

    public static Matcher not(Object expected) {
        return new Matchers.Not(Matchers.of(expected));
    }

    public static Matcher gt(double n) {
        return new Matchers.Numeric("gt", n);
    }

    public static Matcher ge(double n) {
        return new Matchers.Numeric("ge", n);
    }

    public static Matcher lt(double n) {
        return new Matchers.Numeric("lt", n);
    }

    public static Matcher le(double n) {
        return new Matchers.Numeric("le", n);
    }

    public static Matcher matchRegexp(String regex) {
        return new Matchers.Text("match-regexp", regex);
    }

    public static Matcher havePrefix(String prefix) {
        return new Matchers.Text("have-prefix", prefix);
    }

    public static Matcher containSubstring(String part) {
        return new Matchers.Text("contain-substring", part);
    }

    public static Matcher consistOf(Object... elements) {
        return new Matchers.ConsistOf(List.of(elements).stream().map(Matchers::of).toList());
    }

    static Check check(Subject s, String attribute, Object expected) {
        return Check.of(s, attribute, Matchers.of(expected));
    }

    static Check patterns(Subject s, String attribute, String... patterns) {
        return Check.of(s, attribute, new Patterns(List.of(patterns)));
    }

    // ---- the subjects: each method is one check

    public record PackageSubject(Subject subject) {
        public Check installed() { return check(subject, "installed", true); }
        public Check notInstalled() { return check(subject, "installed", false); }
        /** Some installed version equals this one ({@code versions: [v]}). */
        public Check version(Object version) { return check(subject, "versions", List.of(version)); }
    }

    public record ServiceSubject(Subject subject) {
        public Check running() { return check(subject, "running", true); }
        public Check stopped() { return check(subject, "running", false); }
        public Check enabled() { return check(subject, "enabled", true); }
        public Check disabled() { return check(subject, "enabled", false); }
    }

    public record PortSubject(Subject subject) {
        public Check listening() { return check(subject, "listening", true); }
        public Check closed() { return check(subject, "listening", false); }
        /** Listening on this address (among others): {@code "0.0.0.0"}, {@code "::"}, {@code "127.0.0.1"}. */
        public Check listeningOn(String ip) { return check(subject, "ip", List.of(ip)); }
    }

    public record FileSubject(Subject subject) {
        public Check exists() { return check(subject, "exists", true); }
        public Check absent() { return check(subject, "exists", false); }
        /** goss patterns: {@code "text"}, {@code "!text"}, {@code "/regex/"}, {@code "!/regex/"}. */
        public Check contains(String... patterns) { return Checks.patterns(subject, "contents", patterns); }
        public Check mode(String octal) { return check(subject, "mode", octal); }
        public Check owner(String user) { return check(subject, "owner", user); }
        public Check group(String group) { return check(subject, "group", group); }
        public Check filetype(String type) { return check(subject, "filetype", type); }
        public Check sha256(String hex) { return check(subject, "sha256", hex); }
        public Check linkedTo(String target) { return check(subject, "linked-to", target); }
    }

    public record CommandSubject(Subject subject) {
        public Check exitStatus(int code) { return check(subject, "exit-status", code); }
        public Check succeeds() { return exitStatus(0); }
        /** goss patterns on stdout's lines. */
        public Check stdout(String... patterns) { return Checks.patterns(subject, "stdout", patterns); }
        public Check stderr(String... patterns) { return Checks.patterns(subject, "stderr", patterns); }
        /** The same command with another time limit. */
        public CommandSubject timeout(java.time.Duration limit) {
            return new CommandSubject(subject.with("timeout", String.valueOf(limit.toMillis())));
        }
    }

    public record ProcessSubject(Subject subject) {
        public Check running() { return check(subject, "running", true); }
        public Check notRunning() { return check(subject, "running", false); }
    }

    public record UserSubject(Subject subject) {
        public Check exists() { return check(subject, "exists", true); }
        public Check absent() { return check(subject, "exists", false); }
        public Check uid(long uid) { return check(subject, "uid", uid); }
        public Check home(String dir) { return check(subject, "home", dir); }
        public Check shell(String path) { return check(subject, "shell", path); }
        public Check inGroups(String... groups) { return check(subject, "groups", List.of(groups)); }
    }

    public record GroupSubject(Subject subject) {
        public Check exists() { return check(subject, "exists", true); }
        public Check absent() { return check(subject, "exists", false); }
        public Check gid(long gid) { return check(subject, "gid", gid); }
    }

    public record HttpSubject(Subject subject) {
        public Check status(int code) { return check(subject, "status", code); }
        public Check body(String... patterns) { return Checks.patterns(subject, "body", patterns); }
        public HttpSubject insecure() { return new HttpSubject(subject.with("allow-insecure", "true")); }
        public HttpSubject noFollowRedirects() { return new HttpSubject(subject.with("no-follow-redirects", "true")); }
    }

    public record KernelParamSubject(Subject subject) {
        public Check value(Object expected) { return check(subject, "value", expected); }
    }

    public record MountSubject(Subject subject) {
        public Check exists() { return check(subject, "exists", true); }
        public Check absent() { return check(subject, "exists", false); }
        public Check filesystem(String type) { return check(subject, "filesystem", type); }
        public Check source(String source) { return check(subject, "source", source); }
        public Check opts(String... opts) { return check(subject, "opts", List.of(opts)); }
        public Check usage(Object expected) { return check(subject, "usage", expected); }
    }

    public record AddrSubject(Subject subject) {
        public Check reachable() { return check(subject, "reachable", true); }
        public Check unreachable() { return check(subject, "reachable", false); }
        public AddrSubject timeout(java.time.Duration limit) {
            return new AddrSubject(subject.with("timeout", String.valueOf(limit.toMillis())));
        }
    }

    public record DnsSubject(Subject subject) {
        public Check resolvable() { return check(subject, "resolvable", true); }
        public Check unresolvable() { return check(subject, "resolvable", false); }
        /** Resolves to these addresses among others. */
        public Check addrs(String... addrs) { return check(subject, "addrs", List.of(addrs)); }
    }
}
