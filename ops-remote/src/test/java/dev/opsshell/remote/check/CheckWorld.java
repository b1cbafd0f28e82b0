package dev.opsshell.remote.check;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.opsshell.remote.check.Checks.*;

/**
 * Real things to check on this machine (which every loopback lab host and local agent is): a file
 * the test writes, a process it starts, an HTTP server from the JDK, an init.d service whose
 * status is that process, a port nobody listens on. {@link #passing()} are checks true here,
 * {@link #failing()} false for a real reason, each with the value the host will report; and
 * {@link #gossYaml()} says the same as an operator's goss file.
 */
public final class CheckWorld implements AutoCloseable {
    public final Path dir;
    public final Path file;
    public final String sha256;
    public final int sshPort;
    public final int closedPort;
    public final String service;
    public final String processName;
    public final String packageVersion;
    private final HttpServer http;
    private final Process process;
    private final Path initScript;
    private final Path rcLink;

    public CheckWorld(Path dir, int sshPort) throws Exception {
        this.dir = dir;
        this.sshPort = sshPort;
        Files.createDirectories(dir);
        file = dir.resolve("app.conf");
        Files.writeString(file, "# app\nlisten = 8080\nmode = production\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
        sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/health", ex -> {
            byte[] body = "status: healthy\nversion: 7\n".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        http.createContext("/", ex -> {
            ex.sendResponseHeaders(404, -1);
            ex.close();
        });
        http.start();
        // a real process with a name of its own: a copy of sleep
        processName = "opschk" + sshPort;
        Path sleeper = dir.resolve(processName);
        Files.copy(Path.of("/bin/sleep"), sleeper, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        sleeper.toFile().setExecutable(true);
        process = new ProcessBuilder(sleeper.toString(), "600").start();
        Path pidFile = dir.resolve(processName + ".pid");
        Files.writeString(pidFile, process.pid() + "\n");
        // an init.d service whose status is that process, enabled in runlevel 2
        service = "opschk-svc-" + sshPort;
        initScript = Path.of("/etc/init.d", service);
        Files.writeString(initScript, "#!/bin/sh\ncase \"$1\" in status) kill -0 \"$(cat " + pidFile
                + ")\" 2>/dev/null;; *) exit 3;; esac\n");
        initScript.toFile().setExecutable(true);
        rcLink = Path.of("/etc/rc2.d", "S01" + service);
        Files.deleteIfExists(rcLink);
        Files.createSymbolicLink(rcLink, initScript);
        packageVersion = run("dpkg-query", "-W", "-f", "${Version}", "openssh-server");
    }

    public String url(String path) {
        return "http://127.0.0.1:" + http.getAddress().getPort() + path;
    }

    /** Checks that hold on every lab host, the observed value shown next to each. */
    public Map<Check, String> passing() throws IOException {
        Map<Check, String> m = new LinkedHashMap<>();
        m.put(pkg("openssh-server").installed(), "true");
        m.put(pkg("openssh-server").version(packageVersion), "[\"" + packageVersion + "\"]");
        m.put(service(service).running(), "true");
        m.put(service(service).enabled(), "true");
        m.put(port(sshPort).listening(), "true");
        m.put(port(sshPort).listeningOn("0.0.0.0"), "[\"0.0.0.0\"]");
        m.put(file(file.toString()).exists(), "true");
        m.put(file(file.toString()).contains("listen = 8080", "!debug", "/^mode = (production|staging)$/"), "");
        m.put(file(file.toString()).mode("0640"), "\"0640\"");
        m.put(file(file.toString()).owner("root"), "\"root\"");
        m.put(file(file.toString()).sha256(sha256), "\"" + sha256 + "\"");
        m.put(cmd("uname -s").exitStatus(0), "0");
        m.put(cmd("uname -s").stdout("Linux"), "");
        m.put(process(processName).running(), "true");
        m.put(user("root").exists(), "true");
        m.put(user("root").uid(0), "0");
        m.put(user("root").inGroups("root"), "[\"root\"]");
        m.put(cmd("ls /ops-nowhere").stderr("No such file"), "");
        m.put(cmd("printf 'a\\nb'").stdout("/^b$/", "!c"), "");
        m.put(group("root").gid(0), "0");
        m.put(http(url("/health")).status(200), "200");
        m.put(http(url("/health")).body("status: healthy"), "");
        m.put(kernelParam("kernel.ostype").value(Files.readString(Path.of("/proc/sys/kernel/ostype")).strip()), "");
        m.put(mount("/proc").filesystem("proc"), "\"proc\"");
        m.put(addr("tcp://127.0.0.1:" + sshPort).reachable(), "true");
        m.put(dns("localhost").addrs("127.0.0.1"), "");
        return m;
    }

    /** Checks that are false on every lab host, each with the observed value the report must show. */
    public Map<Check, String> failing() {
        Map<Check, String> m = new LinkedHashMap<>();
        m.put(pkg("ops-no-such-package").installed(), "false");
        m.put(pkg("openssh-server").version("0.0-bogus"), "[\"" + packageVersion + "\"]");
        m.put(service("opschk-no-such-svc").running(), "false");
        m.put(port(closedPort).listening(), "false");
        m.put(file(file.toString()).mode("0644"), "\"0640\"");
        m.put(file(file.toString()).contains("debug = true"), "not matched [\"debug = true\"]");
        m.put(file(dir.resolve("missing.conf").toString()).exists(), "false");
        m.put(cmd("exit 3").exitStatus(0), "3");
        m.put(cmd("echo out; echo err >&2").stderr("out"), "not matched [\"out\"]");
        m.put(user("root").inGroups("ops-no-such-group"), "[\"root\"]");
        m.put(process("opschk-nothing").running(), "false");
        m.put(user("ops-no-such-user").exists(), "false");
        m.put(group("ops-no-such-group").exists(), "false");
        m.put(http(url("/missing")).status(200), "404");
        m.put(kernelParam("kernel.ostype").value("Windows"), "\"Linux\"");
        m.put(mount("/ops-not-mounted").exists(), "false");
        m.put(addr("tcp://127.0.0.1:" + closedPort).reachable(), "false");
        m.put(dns("ops-no-such-name.invalid").resolvable(), "false");
        return m;
    }

    /** The same checks as an operator's goss file (passing and failing ones). */
    public String gossYaml() {
        return """
                package:
                  openssh-server:
                    installed: true
                    versions:
                      - "%1$s"
                  ops-no-such-package:
                    installed: false
                service:
                  %2$s:
                    enabled: true
                    running: true
                port:
                  tcp:%3$d:
                    listening: true
                    ip:
                      - 0.0.0.0
                  tcp:%4$d:
                    listening: true   # nothing listens there: fails
                file:
                  %5$s:
                    exists: true
                    mode: "0644"      # it is 0640: fails
                    owner: root
                    sha256: %6$s
                    contents:
                      - listen = 8080
                      - "!debug"
                      - /^mode = (production|staging)$/
                command:
                  uname -s:
                    exit-status: 0
                    stdout:
                      - Linux
                  exit 3:
                    exit-status: 0    # fails: 3
                process:
                  %7$s:
                    running: true
                user:
                  root:
                    exists: true
                    uid: 0
                    title: the superuser
                    meta:
                      owner: ops-team
                group:
                  ops-no-such-group:
                    exists: true      # fails
                http:
                  %8$s:
                    status: 200
                    body:
                      - "status: healthy"
                kernel-param:
                  kernel.ostype:
                    value: Linux
                mount:
                  /proc:
                    exists: true
                    filesystem: proc
                addr:
                  tcp://127.0.0.1:%3$d:
                    reachable: true
                    timeout: 1000
                dns:
                  localhost:
                    resolvable: true
                    addrs:
                      contain-element: 127.0.0.1
                  ops-no-such-name.invalid:
                    resolvable: true  # fails
                    skip: false
                """.formatted(packageVersion, service, sshPort, closedPort, file, sha256, processName, url("/health"));
    }

    private static String run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) throw new IllegalStateException(String.join(" ", cmd) + ": " + out);
        return out.strip();
    }

    @Override
    public void close() throws IOException {
        http.stop(0);
        process.destroyForcibly();
        Files.deleteIfExists(rcLink);
        Files.deleteIfExists(initScript);
    }

    static List<String> verdicts(CheckReport r) {
        return r.results().stream().map(c -> c.host().name() + " " + c.check().name() + " " + c.verdict()).toList();
    }
}
