package dev.opsshell.remote.hub;

import dev.opsshell.agent.Agent;
import dev.opsshell.agent.AgentConfig;
import dev.opsshell.agent.protocol.CurveKeys;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An agent JVM that connects to a hub again and again, each time as a new {@link Agent} with a
 * fresh ZeroMQ context and socket, and prints how long each waited for the hub's first answer
 * (its welcome): {@code answered NANOS RECYCLES INDEX} or {@code unanswered NANOS RECYCLES INDEX},
 * where RECYCLES counts the times the agent gave up on a silent socket and made a new one, and
 * INDEX 0 is the JVM's first (cold) connect.
 * Arguments: hub endpoint, hub key, agent name, key directory, connects, seconds each may wait.
 */
public final class AgentReconnects {
    public static void main(String[] args) throws InterruptedException {
        String hub = args[0];
        String hubKey = args[1];
        String name = args[2];
        Path keyDir = Path.of(args[3]);
        int connects = Integer.parseInt(args[4]);
        long waitSeconds = Long.parseLong(args[5]);
        CurveKeys keys = CurveKeys.loadOrCreate(keyDir, "agent");
        AgentConfig config = new AgentConfig(hub, hubKey, name, keyDir, 1000, 8);
        for (int i = 0; i < connects; i++) {
            CountDownLatch accepted = new CountDownLatch(1);
            AtomicLong answeredAt = new AtomicLong();
            AtomicInteger recycles = new AtomicInteger();
            long start = System.nanoTime();
            try (Agent agent = new Agent(config, keys, line -> {
                if (line.contains(" says accepted") && answeredAt.compareAndSet(0, System.nanoTime())) {
                    accepted.countDown();
                }
                if (line.contains(" silent for ")) recycles.incrementAndGet();
            })) {
                agent.start();
                boolean answered = accepted.await(waitSeconds, TimeUnit.SECONDS);
                long waited = (answered ? answeredAt.get() : System.nanoTime()) - start;
                System.out.println((answered ? "answered " : "unanswered ") + waited + " " + recycles.get() + " " + i);
                System.out.flush();
            }
        }
    }
}
