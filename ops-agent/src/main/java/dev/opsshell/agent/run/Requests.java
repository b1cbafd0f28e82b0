package dev.opsshell.agent.run;

import dev.opsshell.agent.protocol.ErrorCode;
import dev.opsshell.agent.protocol.Message;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Runs the requests an agent receives: the fixed set of {@link Message.Request} types and nothing
 * else. At most {@code max} run at once; one more gets a {@code busy} error reply at once, as does
 * an id that is already running. Ping and cancel are answered on the caller's thread and never count.
 * Replies go to {@code send}, which must be thread-safe. Idle, it holds no threads.
 */
public final class Requests implements AutoCloseable {
    private final int max;
    private final String version;
    private final Consumer<Message> send;
    private final Map<Long, Cancellable> running = new ConcurrentHashMap<>();
    private final FileWrites writes = new FileWrites();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final ExecutorService pool = Executors.newCachedThreadPool(daemon("ops-agent-request"));
    private final ScheduledThreadPoolExecutor timers = new ScheduledThreadPoolExecutor(1, daemon("ops-agent-timer"));

    public Requests(int max, String version, Consumer<Message> send) {
        this.max = max;
        this.version = version;
        this.send = send;
        timers.setRemoveOnCancelPolicy(true);
        timers.setKeepAliveTime(10, TimeUnit.SECONDS);
        timers.allowCoreThreadTimeOut(true);
    }

    public void handle(Message.Request request) {
        if (request instanceof Message.Ping p) {
            send.accept(new Message.Pong(p.id(), p.sentNanos()));
        } else if (request instanceof Message.Cancel c) {
            Cancellable target = running.get(c.target());
            if (target != null) target.cancel();
        } else {
            start(request);
        }
    }

    private void start(Message.Request request) {
        if (inFlight.incrementAndGet() > max) {
            inFlight.decrementAndGet();
            send.accept(ErrorCode.BUSY.reply(request.id(), "agent busy: " + max
                    + " requests already running; retry or lower forks"));
            return;
        }
        Cancellable task = request instanceof Message.Exec e ? new ExecRunner(e, send, timers) : () -> { };
        if (running.putIfAbsent(request.id(), task) != null) {
            inFlight.decrementAndGet();
            send.accept(ErrorCode.MALFORMED.reply(request.id(), "request " + request.id() + " is already running"));
            return;
        }
        pool.execute(() -> {
            try {
                run(request, task);
            } catch (RuntimeException e) {
                send.accept(ErrorCode.FAILED.reply(request.id(), request.getClass().getSimpleName().toLowerCase()
                        + " failed on the agent: " + e));
            } finally {
                running.remove(request.id());
                inFlight.decrementAndGet();
            }
        });
    }

    private void run(Message.Request request, Cancellable task) {
        if (request instanceof Message.Exec) {
            ((ExecRunner) task).run(pool);
        } else if (request instanceof Message.ReadFile r) {
            send.accept(FileOps.read(r));
        } else if (request instanceof Message.WriteFile w) {
            send.accept(writes.write(w));
        } else if (request instanceof Message.Facts f) {
            send.accept(new Message.FactsReply(f.id(), HostFacts.facts(version)));
        } else if (request instanceof Message.Metrics m) {
            send.accept(metrics(m));
        } else {
            send.accept(ErrorCode.UNKNOWN_TYPE.reply(request.id(), "the agent does not run "
                    + request.getClass().getSimpleName() + " requests"));
        }
    }

    /** One reading, or two {@code pairMillis} apart (at most 5 s) when the hub asks for a first round's pair. */
    private static Message.MetricsReply metrics(Message.Metrics m) {
        if (m.pairMillis() <= 0) return new Message.MetricsReply(m.id(), HostFacts.metrics());
        Map<String, Double> before = HostFacts.metrics();
        try {
            Thread.sleep(Math.min(m.pairMillis(), 5000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();  // the agent is stopping: answer with one reading
            return new Message.MetricsReply(m.id(), before);
        }
        return new Message.MetricsReply(m.id(), HostFacts.metrics(), before);
    }

    /** Requests running now. */
    public int inFlight() {
        return inFlight.get();
    }

    /** Kills every running process and stops the threads. */
    @Override
    public void close() {
        running.values().forEach(Cancellable::cancel);
        pool.shutdownNow();
        writes.close();
        timers.shutdownNow();
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(null, r, name + "-" + n.incrementAndGet(), 256 * 1024);
            t.setDaemon(true);
            return t;
        };
    }
}
