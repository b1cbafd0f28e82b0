package dev.opsshell.remote.metrics;

import dev.opsshell.agent.Agent;
import dev.opsshell.agent.AgentConfig;
import dev.opsshell.agent.protocol.CurveKeys;
import org.zeromq.ZContext;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * N agents in one JVM of their own (one ZeroMQ context, each its own socket and CURVE key), for
 * benchmarks that must not count the agents' CPU as ops's: prints {@code NAME PUBLICKEY} per agent,
 * waits for a line on stdin (the keys accepted), starts them, and stops when stdin closes.
 * <pre>{@code java -cp … AgentFleet tcp://127.0.0.1:PORT HUBKEY 200 bench}</pre>
 */
public final class AgentFleet {
    public static void main(String[] args) throws Exception {
        String endpoint = args[0], hubKey = args[1], prefix = args.length > 3 ? args[3] : "m";
        int n = Integer.parseInt(args[2]);
        List<CurveKeys> keys = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            CurveKeys k = CurveKeys.generate();
            keys.add(k);
            System.out.println(prefix + i + " " + k.publicKey());
        }
        System.out.println("ready");
        System.out.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        in.readLine();
        try (ZContext shared = new ZContext(2)) {
            shared.getContext().setMaxSockets(8192);
            List<Agent> agents = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                AgentConfig cfg = new AgentConfig(endpoint, hubKey, prefix + i, Path.of("/nonexistent"), 2000, 32);
                agents.add(new Agent(cfg, keys.get(i), line -> { }, shared).start());
            }
            while (in.readLine() != null) {
                // runs until the benchmark closes our stdin
            }
            agents.forEach(Agent::stop);
            agents.forEach(Agent::close);
        }
    }
}
