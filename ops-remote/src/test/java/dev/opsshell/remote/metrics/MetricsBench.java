package dev.opsshell.remote.metrics;

import dev.opsshell.core.Session;
import dev.opsshell.core.host.Host;
import dev.opsshell.core.host.Hosts;
import dev.opsshell.core.inventory.Inventory;
import dev.opsshell.core.metrics.Family;
import dev.opsshell.core.metrics.SampleRound;
import dev.opsshell.core.metrics.Sampler;
import dev.opsshell.core.store.JdbcStore;
import dev.opsshell.core.store.Store;
import dev.opsshell.core.store.StoreLocation;
import dev.opsshell.core.transport.Settings;
import dev.opsshell.remote.hub.AgentInfo;
import dev.opsshell.remote.hub.Hub;
import dev.opsshell.remote.hub.HubConfig;
import dev.opsshell.remote.hub.SessionHub;
import dev.opsshell.remote.ssh.SshLab;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Sampling N hosts every few seconds, every family, stored in SQLite: the CPU this process (ops:
 * sampler, transports, hub, store) uses per round. The hosts are the loopback OpenSSH lab (sshd is
 * other processes) or N agents in a JVM of their own ({@link AgentFleet}), so neither is counted.
 * <pre>{@code
 * MetricsBench ssh N ROUNDS INTERVAL_S LABDIR LABPORT
 * MetricsBench agents N ROUNDS INTERVAL_S HUBPORT
 * }</pre>
 * Prints one markdown row.
 */
public final class MetricsBench {
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    /** Rounds not measured first (-Dops.bench.warmup): a young JVM is still compiling the round. */
    private static final int WARMUP = Integer.getInteger("ops.bench.warmup", 3);

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        int n = Integer.parseInt(args[1]);
        int rounds = Integer.parseInt(args[2]);
        Duration interval = Duration.ofSeconds(Long.parseLong(args[3]));
        Path tmp = Files.createTempDirectory("metrics-bench");
        try (Store store = JdbcStore.open(StoreLocation.sqlite(tmp.resolve("ops.db")))) {
            if (mode.equals("ssh")) {
                SshLab.Lab lab = new SshLab.Lab(Path.of(args[4]), Integer.parseInt(args[5]), null);
                Session session = new Session(lab.settings().withForks(n).withConnectTimeout(Duration.ofSeconds(30)),
                        Inventory.localOnly(), System.err);
                Session.setCurrent(session);
                Hosts hosts = Hosts.of("lab", lab.hosts(n)).via("ssh");
                run("SSH (pooled), /proc script", hosts, new Sampler(store.metrics(), session.events(), Duration.ofDays(14)),
                        rounds, interval);
                idle("SSH connections open, nothing sampled", n, interval);
                session.close();
            } else {
                agents(n, rounds, interval, Integer.parseInt(args[4]), tmp, store);
            }
        }
    }

    private static void agents(int n, int rounds, Duration interval, int port, Path tmp, Store store) throws Exception {
        HubConfig config = HubConfig.defaults(port).withBindAddress("127.0.0.1").withKeyDir(tmp.resolve("hub"));
        try (Hub hub = Hub.start(config)) {
            Session session = new Session(Settings.defaults().withForks(n), Inventory.localOnly(), System.err);
            SessionHub.use(session, hub);
            Session.setCurrent(session);
            Process fleet = new ProcessBuilder("java", "-Xss256k", "-cp", System.getProperty("java.class.path"),
                    AgentFleet.class.getName(), hub.endpoint(), hub.publicKey(), Integer.toString(n), "m")
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(fleet.getInputStream(), StandardCharsets.UTF_8));
            List<Host> hosts = new ArrayList<>();
            for (String line; !(line = out.readLine()).equals("ready"); ) {
                String[] p = line.split(" ");
                hub.keys().allow(p[0], p[1]);
                hosts.add(Host.of(p[0]));
            }
            OutputStream go = fleet.getOutputStream();
            go.write("go\n".getBytes(StandardCharsets.UTF_8));
            go.flush();
            long end = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            while (hub.agents().stream().filter(AgentInfo::connected).count() < n) {
                if (System.nanoTime() > end) throw new IllegalStateException("not all " + n + " agents connected");
                Thread.sleep(200);
            }
            Hosts all = Hosts.of("agents", hosts).via("agent");
            run("agents, their own sampler", all, new Sampler(store.metrics(), session.events(), Duration.ofDays(14))
                    .source("agent", new AgentReadings()), rounds, interval);
            run("agents, /proc script through exec", all, new Sampler(store.metrics(), session.events(), Duration.ofDays(14)),
                    rounds, interval);
            idle("agents connected, nothing sampled (the hub's own cost)", n, interval);
            go.close();
            fleet.waitFor();
            session.close();
        }
    }

    /** The CPU of this process over three periods in which nothing is sampled. */
    private static void idle(String what, int n, Duration interval) throws InterruptedException {
        List<Double> periods = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            long cpu0 = OS.getProcessCpuTime();
            Thread.sleep(interval.toMillis());
            periods.add((OS.getProcessCpuTime() - cpu0) / 1e6);
        }
        double period = median(periods);
        System.out.printf(Locale.ROOT, "| %s | %d | 0 | 0 | – | – | %.0f ms | %.1f %% |%n", what, n, period,
                100 * period / interval.toMillis());
    }

    /** WARMUP rounds, then {@code rounds} measured ones, one every {@code interval}. */
    private static void run(String what, Hosts hosts, Sampler sampler, int rounds, Duration interval) throws Exception {
        List<Double> roundCpu = new ArrayList<>(), periodCpu = new ArrayList<>(), walls = new ArrayList<>();
        int samples = 0, failed = 0;
        long next = System.nanoTime();
        for (int r = 0; r < WARMUP + rounds; r++) {
            long cpu0 = OS.getProcessCpuTime(), t0 = System.nanoTime();
            SampleRound round = sampler.sampleOnce(hosts, Family.all());
            long cpu1 = OS.getProcessCpuTime(), t1 = System.nanoTime();
            next += interval.toNanos();
            long wait = next - System.nanoTime();
            if (wait > 0) Thread.sleep(wait / 1_000_000);  // the schedule's pause between rounds is what is measured here
            long cpu2 = OS.getProcessCpuTime();
            if (r < WARMUP) continue;
            roundCpu.add((cpu1 - cpu0) / 1e6);
            periodCpu.add((cpu2 - cpu0) / 1e6);
            walls.add((t1 - t0) / 1e6);
            samples = round.samples().size();
            failed = (int) round.results().list().stream().filter(x -> !x.ok()).count();
            round.results().list().stream().filter(x -> !x.ok()).findFirst()
                    .ifPresent(x -> System.err.println("a host failed: " + x + " " + x.summary()));
        }
        double period = median(periodCpu);
        System.out.printf(Locale.ROOT, "| %s | %d | %d | %d | %.0f ms | %.0f ms (p90 %.0f) | %.0f ms | %.1f %% |%n", what,
                hosts.size(), samples, failed, median(walls), median(roundCpu), p90(roundCpu), period,
                100 * period / interval.toMillis());
    }

    private static double median(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        Collections.sort(s);
        return s.get(s.size() / 2);
    }

    private static double p90(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        Collections.sort(s);
        return s.get(Math.min(s.size() - 1, (int) Math.ceil(s.size() * 0.9) - 1));
    }
}
