package dev.opsshell.remote.driver.aws;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-process endpoint speaking EC2's Query API for real, for the real SDK client pointed at it:
 * form-encoded {@code Action=…&Version=2016-11-15}, SigV4-signed requests (a request without
 * an {@code AWS4-HMAC-SHA256} Authorization is refused with {@code AuthFailure}), XML answers in
 * the 2016-11-15 namespace and EC2's error XML with its HTTP status. On top of {@link FakeEc2}'s
 * instances: throttling ({@code RequestLimitExceeded}, 503) on a fraction of calls, and lost
 * RunInstances replies (the instance is made, the answer is a 500) on another. Counts every call.
 */
final class Ec2Endpoint implements AutoCloseable {
    final FakeEc2 ec2 = new FakeEc2();
    final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    final AtomicInteger throttled = new AtomicInteger();
    final AtomicInteger lostReplies = new AtomicInteger();
    private final Random random = new Random(20261202);
    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(8);
    volatile double throttle;
    volatile double loseRunReplies;

    Ec2Endpoint() throws IOException {
        System.setProperty("sun.net.httpserver.nodelay", "true"); // else every answer waits 40 ms for Nagle (JDK HttpServer)
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    int calls(String action) {
        AtomicInteger n = calls.get(action);
        return n == null ? 0 : n.get();
    }

    int totalCalls() {
        return calls.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    private void handle(HttpExchange x) throws IOException {
        try (x) {
            Ec2Query q = Ec2Query.parse(new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            String action = q.action() == null ? "(none)" : q.action();
            calls.computeIfAbsent(action, a -> new AtomicInteger()).incrementAndGet();
            try {
                String auth = x.getRequestHeaders().getFirst("Authorization");
                if (auth == null || !auth.startsWith("AWS4-HMAC-SHA256 Credential=")) {
                    throw new Ec2Fault(401, "AuthFailure", "AWS was not able to validate the provided access credentials");
                }
                if (!"2016-11-15".equals(q.get("Version"))) throw new Ec2Fault(400, "InvalidParameterValue", "Version " + q.get("Version"));
                if (chance(throttle)) {
                    throttled.incrementAndGet();
                    throw new Ec2Fault(503, "RequestLimitExceeded", "Request limit exceeded.");
                }
                String body = switch (action) {
                    case "RunInstances" -> ec2.run(q);
                    case "DescribeInstances" -> ec2.describe(q);
                    case "StartInstances", "StopInstances", "TerminateInstances" -> ec2.change(q);
                    case "RebootInstances" -> ec2.reboot(q);
                    default -> throw new Ec2Fault(400, "InvalidAction", "The action " + action + " is not valid for this web service.");
                };
                if (action.equals("RunInstances") && chance(loseRunReplies)) {
                    lostReplies.incrementAndGet();
                    throw new Ec2Fault(500, "InternalError", "An internal error has occurred");
                }
                send(x, 200, body);
            } catch (Ec2Fault f) {
                send(x, f.status, Ec2Xml.error(f.code, f.getMessage()));
            }
        }
    }

    private boolean chance(double p) {
        if (p <= 0) return false;
        synchronized (random) {
            return random.nextDouble() < p;
        }
    }

    private static void send(HttpExchange x, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().set("Content-Type", "text/xml;charset=UTF-8");
        x.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
