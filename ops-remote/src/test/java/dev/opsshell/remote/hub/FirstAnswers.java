package dev.opsshell.remote.hub;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * New clients connecting to one hub and how long each waited for its first answer: shells as fresh
 * {@link HubClient}s (connect until the hub's welcome, then one agent listing), agents as separate
 * JVMs ({@link AgentReconnects}) that each connect again and again with fresh sockets.
 */
final class FirstAnswers {
    /**
     * One new client: who, how long until its first answer (or until it gave up), how many new
     * sockets it needed, whether it was its JVM's first (cold) connect, and why it failed.
     */
    record Connect(String who, long nanos, int recycles, boolean cold, String failure) {
        boolean answered() {
            return failure == null;
        }
    }

    private FirstAnswers() {
    }

    /** {@code count} fresh shell clients, {@code parallel} at a time, with the keys the hub trusts. */
    static List<Connect> shells(Hub hub, Path clientKeys, int count, int parallel) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        try {
            List<Future<Connect>> all = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String who = "shell " + i;
                all.add(pool.submit(() -> shell(hub, clientKeys, who)));
            }
            List<Connect> out = new ArrayList<>();
            for (Future<Connect> f : all) out.add(result(f));
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private static Connect shell(Hub hub, Path clientKeys, String who) {
        long start = System.nanoTime();
        try (HubClient client = HubClient.connect(hub.endpoint(), hub.publicKey(), clientKeys)) {
            long answered = System.nanoTime() - start;
            client.agents(); // the link carries requests too, not only the welcome
            return new Connect(who, answered, 0, false, null);
        } catch (RuntimeException e) {
            return new Connect(who, System.nanoTime() - start, 0, false, e.getMessage());
        }
    }

    private static Connect result(Future<Connect> f) throws InterruptedException {
        try {
            return f.get();
        } catch (java.util.concurrent.ExecutionException e) {
            return new Connect("?", 0, 0, false, String.valueOf(e.getCause()));
        }
    }

    /** The agent JVMs started by {@link #startAgents}; {@link #await} collects what each printed. */
    record AgentJvms(List<Process> processes, List<String> names) implements AutoCloseable {
        List<Connect> await(long limitSeconds) throws InterruptedException, IOException {
            List<Connect> out = new ArrayList<>();
            for (int j = 0; j < processes.size(); j++) {
                Process p = processes.get(j);
                try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = r.readLine()) != null; ) {
                        String[] f = line.split(" ");
                        if (f.length == 4 && (f[0].equals("answered") || f[0].equals("unanswered"))) {
                            out.add(new Connect("agent " + names.get(j) + " #" + f[3], Long.parseLong(f[1]),
                                    Integer.parseInt(f[2]), f[3].equals("0"), f[0].equals("answered") ? null : "no welcome"));
                        }
                    }
                }
                if (!p.waitFor(limitSeconds, TimeUnit.SECONDS) || p.exitValue() != 0) {
                    out.add(new Connect("agent " + names.get(j), 0, 0, false, "the agent JVM did not finish cleanly"));
                }
            }
            return out;
        }

        @Override
        public void close() {
            processes.forEach(Process::destroyForcibly);
        }
    }

    /** {@code jvms} agent JVMs whose keys the hub accepts, each connecting {@code connects} times. */
    static AgentJvms startAgents(Hub hub, Path dir, int jvms, int connects, long waitSeconds) throws IOException {
        List<Process> processes = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int j = 0; j < jvms; j++) {
            String name = "reconnect" + j;
            Path keyDir = dir.resolve("agent-" + name);
            hub.keys().allow(name, AgentProcess.keyOf(keyDir));
            List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx64m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                    "-cp", System.getProperty("java.class.path"), AgentReconnects.class.getName(),
                    hub.endpoint(), hub.publicKey(), name, keyDir.toString(), Integer.toString(connects),
                    Long.toString(waitSeconds));
            processes.add(new ProcessBuilder(cmd).redirectError(keyDir.resolve("reconnects.log").toFile()).start());
            names.add(name);
        }
        return new AgentJvms(processes, names);
    }

    /** {@code median … p99 … max …} in milliseconds. */
    static String summary(List<Connect> connects) {
        double[] ms = connects.stream().filter(Connect::answered).mapToDouble(c -> c.nanos() / 1e6).sorted().toArray();
        if (ms.length == 0) return "none answered";
        return String.format("median %.1f ms, p99 %.1f ms, max %.1f ms", pct(ms, 50), pct(ms, 99), ms[ms.length - 1]);
    }

    static double pct(double[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, Math.max(0, (int) Math.ceil(p / 100.0 * sorted.length) - 1))];
    }

    static String failures(List<Connect> connects) {
        return Arrays.toString(connects.stream().filter(c -> !c.answered()).toArray());
    }
}
