package dev.opsshell.remote.hub;

import dev.opsshell.agent.Agent;
import dev.opsshell.agent.AgentConfig;
import dev.opsshell.agent.protocol.CurveKeys;
import dev.opsshell.agent.protocol.Message;
import dev.opsshell.core.Session;
import dev.opsshell.core.host.Host;
import dev.opsshell.core.host.Hosts;
import dev.opsshell.core.inventory.Inventory;
import dev.opsshell.core.result.Results;
import dev.opsshell.core.transport.Settings;
import org.zeromq.ZContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.function.LongFunction;

/**
 * The agent benchmark ({@code scripts/bench-agent} runs it): a CURVE hub and N in-process agents
 * (each its own DEALER socket and keypair, sharing one ZeroMQ context), then round trips of a ping
 * and of {@code exec true} sent to all N at once, and pipelined ping throughput through the hub.
 * Prints a markdown table. Arguments: agent counts (default 10,100,1000), rounds per count.
 */
public final class AgentBench {
    public static void main(String[] args) throws Exception {
        int[] counts = Arrays.stream((args.length > 0 ? args[0] : "10,100,1000").split(",")).mapToInt(Integer::parseInt).toArray();
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int port = args.length > 2 ? Integer.parseInt(args[2]) : 25599;
        Path dir = Files.createTempDirectory("agent-bench");
        HubConfig config = HubConfig.defaults(port).withBindAddress("127.0.0.1").withKeyDir(dir.resolve("hub"));
        System.out.println("| agents | request | all answered, median | all answered, p99 | per request, median | per request, p99 |");
        System.out.println("|---:|---|---:|---:|---:|---:|");
        try (Hub hub = Hub.start(config); ZContext shared = new ZContext(2)) {
            shared.getContext().setMaxSockets(8192); // jeromq's default limit is 1024 sockets a context
            List<Agent> agents = new ArrayList<>();
            for (int n : counts) {
                while (agents.size() < n) agents.add(startAgent(hub, shared, "bench" + agents.size()));
                awaitConnected(hub, n);
                List<String> names = agents.subList(0, n).stream().map(a -> "bench" + agents.indexOf(a)).toList();
                row(n, "ping", fanOut(hub, names, id -> new Message.Ping(id, System.nanoTime()), rounds));
                // all agents share this machine's 2 cores: 1000 simultaneous fork/execs would only measure that
                if (n <= 100) {
                    row(n, "exec true", fanOut(hub, names, id -> Message.Exec.shell(id, "true", 30_000, 1024), rounds));
                }
                int forks = Math.min(n, 100);
                row(n, "exec true (Hosts.via(agent), forks=" + forks + ")", viaTransport(hub, names, forks, rounds));
            }
            System.out.println();
            throughput(hub, List.of("bench0", "bench1", "bench2", "bench3", "bench4", "bench5", "bench6", "bench7",
                    "bench8", "bench9"), 200_000);
            agents.forEach(Agent::stop);
            agents.forEach(Agent::close);
        }
    }

    private static Agent startAgent(Hub hub, ZContext shared, String name) {
        CurveKeys keys = CurveKeys.generate();
        hub.keys().allow(name, keys.publicKey());
        AgentConfig cfg = new AgentConfig(hub.endpoint(), hub.publicKey(), name, Path.of("/nonexistent"), 10_000, 32);
        return new Agent(cfg, keys, line -> { }, shared).start();
    }

    private static void awaitConnected(Hub hub, int n) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (hub.agents().stream().filter(AgentInfo::connected).count() < n) {
            if (System.nanoTime() > end) throw new IllegalStateException("only some of " + n + " agents connected");
            Thread.sleep(100);
        }
    }

    /** Sends one request to every agent at once, {@code rounds} times: wall times and per-request latencies (ms). */
    private static double[][] fanOut(Hub hub, List<String> names, LongFunction<Message.Request> request, int rounds) {
        List<Double> walls = new ArrayList<>();
        List<Double> each = new ArrayList<>();
        for (int r = 0; r < rounds + 1; r++) {
            long t0 = System.nanoTime();
            List<CompletableFuture<Double>> calls = new ArrayList<>();
            for (String name : names) {
                long sent = System.nanoTime();
                calls.add(hub.call(name, request, o -> { }, Duration.ofSeconds(60)).reply()
                        .thenApply(reply -> {
                            if (reply instanceof Message.ErrorReply e) {
                                System.err.println("error reply: " + e);
                                return Double.NaN;
                            }
                            return (System.nanoTime() - sent) / 1e6;
                        }));
            }
            List<Double> lat = calls.stream().map(CompletableFuture::join).filter(d -> !d.isNaN()).toList();
            if (r == 0) continue; // warm-up round
            walls.add((System.nanoTime() - t0) / 1e6);
            each.addAll(lat);
        }
        return new double[][] {walls.stream().mapToDouble(Double::doubleValue).toArray(),
                each.stream().mapToDouble(Double::doubleValue).toArray()};
    }

    private static double[][] viaTransport(Hub hub, List<String> names, int forks, int rounds) {
        Session session = new Session(Settings.defaults().withForks(forks), Inventory.localOnly(), System.out);
        SessionHub.use(session, new Borrowed(hub));
        Session.setCurrent(session);
        Hosts hosts = new Hosts("bench", names.stream().map(Host::of).toList(), "agent");
        List<Double> walls = new ArrayList<>();
        List<Double> each = new ArrayList<>();
        for (int r = 0; r < rounds + 1; r++) {
            long t0 = System.nanoTime();
            Results results = hosts.exec("true");
            if (!results.allOk()) System.err.println(results.failed().size() + " failed: " + results.failed().list().get(0));
            if (r == 0) continue;
            walls.add((System.nanoTime() - t0) / 1e6);
            results.forEach(x -> each.add((double) x.duration().toNanos() / 1e6));
        }
        Session.setCurrent(null);
        return new double[][] {walls.stream().mapToDouble(Double::doubleValue).toArray(),
                each.stream().mapToDouble(Double::doubleValue).toArray()};
    }

    /** Pipelined pings spread over {@code names}, at most 2000 in flight; each is two messages through the hub. */
    private static void throughput(Hub hub, List<String> names, int total) throws InterruptedException {
        Semaphore window = new Semaphore(2000);
        CompletableFuture<?>[] all = new CompletableFuture<?>[total];
        long t0 = System.nanoTime();
        for (int i = 0; i < total; i++) {
            window.acquire();
            all[i] = hub.call(names.get(i % names.size()), id -> new Message.Ping(id, 0), o -> { },
                    Duration.ofSeconds(60)).reply().whenComplete((x, e) -> window.release());
        }
        CompletableFuture.allOf(all).join();
        double secs = (System.nanoTime() - t0) / 1e9;
        long errors = Arrays.stream(all).filter(f -> f.join() instanceof Message.ErrorReply).count();
        System.out.printf("Pipelined pings through the hub (CURVE, %d agents, 2000 in flight): %d round trips in %.2f s"
                + " = %.0f round trips/s = %.0f messages/s through the hub; %d errors%n",
                names.size(), total, secs, total / secs, 2 * total / secs, errors);
    }

    private static void row(int n, String what, double[][] r) {
        System.out.printf("| %d | %s | %.1f ms | %.1f ms | %.2f ms | %.2f ms |%n", n, what,
                pct(r[0], 50), pct(r[0], 99), pct(r[1], 50), pct(r[1], 99));
    }

    private static double pct(double[] v, int p) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[Math.min(s.length - 1, (int) Math.ceil(p / 100.0 * s.length) - 1)];
    }

    /** The bench's hub lent to a session without letting the session close it. */
    private record Borrowed(Hub hub) implements AgentLink {
        public Hub.Call call(String a, LongFunction<Message.Request> r, java.util.function.Consumer<Message.Output> o,
                             Duration d) {
            return hub.call(a, r, o, d);
        }

        public void cancel(String a, long id) {
            hub.cancel(a, id);
        }

        public List<AgentInfo> agents() {
            return hub.agents();
        }

        public boolean connected(String a) {
            return hub.connected(a);
        }

        public String endpoint() {
            return hub.endpoint();
        }

        public void close() {
            // the bench closes the hub itself
        }
    }
}
