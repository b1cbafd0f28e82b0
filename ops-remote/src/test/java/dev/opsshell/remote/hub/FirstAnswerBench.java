package dev.opsshell.remote.hub;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * How long a new client waits for its first answer from a hub while every core is busy
 * ({@code scripts/bench-first-answer} runs it): fresh shell clients and agent JVMs that reconnect
 * with fresh sockets, against one hub, with {@link CpuLoad} saturating the machine. Prints markdown;
 * the first connects of each JVM (class loading, JIT, CURVE's first use) are shown apart.
 * Arguments: port, shell clients, shells in parallel, agent JVMs, connects per agent JVM, busy
 * processes per core.
 */
public final class FirstAnswerBench {
    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int shells = Integer.parseInt(args[1]);
        int parallel = Integer.parseInt(args[2]);
        int jvms = Integer.parseInt(args[3]);
        int connects = Integer.parseInt(args[4]);
        int perCore = Integer.parseInt(args[5]);
        Path dir = Files.createTempDirectory("first-answer");
        HubConfig config = HubConfig.defaults(port).withBindAddress("127.0.0.1").withKeyDir(dir.resolve("hub"));
        try (Hub hub = HubDaemon.start(config, dir.resolve("client"))) {
            underLoad(hub, dir, shells, parallel, jvms, connects, perCore);
            System.out.printf("%nCPU per new shell client once the load is gone, hub and client together (this JVM,"
                    + " 100 one after another, warm): %.1f ms%n", cpuPerConnect(hub, dir.resolve("client"), 100));
        }
    }

    private static void underLoad(Hub hub, Path dir, int shells, int parallel, int jvms, int connects, int perCore)
            throws Exception {
        try (CpuLoad load = CpuLoad.start(perCore);
             FirstAnswers.AgentJvms agents = FirstAnswers.startAgents(hub, dir, jvms, connects, 30)) {
            List<FirstAnswers.Connect> coldShells = FirstAnswers.shells(hub, dir.resolve("client"), 20, parallel);
            long t0 = System.nanoTime();
            List<FirstAnswers.Connect> s = FirstAnswers.shells(hub, dir.resolve("client"), shells, parallel);
            List<FirstAnswers.Connect> a = agents.await(600);
            double secs = (System.nanoTime() - t0) / 1e9;
            System.out.println("| new clients | answered | first answer: median | p99 | max |");
            System.out.println("|---|---:|---:|---:|---:|");
            row("shells: `HubClient.connect`, " + parallel + " at a time", s);
            row("agents: " + jvms + " JVMs, a new `Agent` (context, socket) each time", a.stream()
                    .filter(c -> !c.cold()).toList());
            row("the first 20 shells of the bench JVM (cold)", coldShells);
            row("each agent JVM's first connect (cold, from `new Agent`)", a.stream().filter(FirstAnswers.Connect::cold)
                    .toList());
            long recycled = a.stream().filter(c -> c.recycles() > 0).count();
            System.out.printf("%nWith %d busy processes on %d cores, %.0f s; %d agent connects needed a second socket.%n",
                    load.processes(), Runtime.getRuntime().availableProcessors(), secs, recycled);
            List<FirstAnswers.Connect> failed = java.util.stream.Stream.of(coldShells, s, a).flatMap(List::stream)
                    .filter(c -> !c.answered()).toList();
            if (!failed.isEmpty()) System.out.println("\nUnanswered: " + failed);
        }
    }

    /** Process CPU time (all threads: hub, client, ZeroMQ, JIT) per sequential new shell client. */
    private static double cpuPerConnect(Hub hub, Path clientKeys, int n) throws InterruptedException {
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long before = os.getProcessCpuTime();
        List<FirstAnswers.Connect> all = FirstAnswers.shells(hub, clientKeys, n, 1);
        if (!all.stream().allMatch(FirstAnswers.Connect::answered)) System.out.println(FirstAnswers.failures(all));
        return (os.getProcessCpuTime() - before) / 1e6 / n;
    }

    private static void row(String what, List<FirstAnswers.Connect> connects) {
        double[] ms = connects.stream().filter(FirstAnswers.Connect::answered).mapToDouble(c -> c.nanos() / 1e6)
                .sorted().toArray();
        if (ms.length == 0) {
            System.out.printf("| %s | 0 of %d | | | |%n", what, connects.size());
            return;
        }
        System.out.printf("| %s | %d of %d | %.1f ms | %.1f ms | %.1f ms |%n", what, ms.length, connects.size(),
                FirstAnswers.pct(ms, 50), FirstAnswers.pct(ms, 99), ms[ms.length - 1]);
    }
}
