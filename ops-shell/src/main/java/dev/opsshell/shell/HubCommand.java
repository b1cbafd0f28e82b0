package dev.opsshell.shell;

import dev.opsshell.remote.hub.Hub;
import dev.opsshell.remote.hub.HubClient;
import dev.opsshell.remote.hub.HubConfig;
import dev.opsshell.remote.hub.HubDaemon;
import dev.opsshell.remote.hub.HubException;
import dev.opsshell.remote.hub.SessionHub;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import dev.opsshell.shell.schedule.HubSchedules;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ops hub --port P}: the standalone hub, for a team sharing one. Agents connect to it
 * ({@code java -jar ops-agent.jar --hub tcp://HOST:P --hub-key KEY}); shells reach them through
 * it ({@code ops exec --via agent --hub tcp://HOST:P …}). Runs until stopped (Ctrl-C, SIGTERM).
 */
@Command(name = "hub", mixinStandardHelpOptions = true,
        description = "Run the hub that agents connect to, until stopped.")
final class HubCommand implements Callable<Integer> {
    @Option(names = "--no-schedules", description = "Run no stored schedules (by default the hub runs those of the store, --store).")
    boolean noSchedules;

    @Option(names = "--port", paramLabel = "P", description = "TCP port (default $OPS_HUB_PORT, else 4505).")
    Integer port;

    @Option(names = "--bind", paramLabel = "ADDRESS", description = "Address to listen on (default 0.0.0.0).")
    String bind = "0.0.0.0";

    @Option(names = "--key-dir", paramLabel = "DIR",
            description = "The hub's keypair and key store (default $OPS_HUB_DIR, else ~/.ops/hub).")
    Path keyDir;

    @Option(names = "--max-pending", paramLabel = "N",
            description = "Unknown agent keys kept pending at most; past it new ones are refused (default"
                    + " $OPS_HUB_MAX_PENDING, else 1000).")
    String maxPending;

    @Option(names = "--http", paramLabel = "[ADDR:]PORT",
            description = "Also serve the report (/report) and Prometheus metrics (/metrics) from the store, read-only:"
                    + " PORT listens on 127.0.0.1 only, 0.0.0.0:PORT on every interface.")
    String http;

    @ParentCommand
    OpsCommand ops;

    @Override
    public Integer call() throws InterruptedException {
        Hub hub;
        HubConfig config;
        try {
            config = HubConfig.defaults(port != null ? port : KeysCommand.defaultPort())
                    .withBindAddress(bind).withKeyDir(keyDir != null ? keyDir : KeysCommand.defaultKeyDir());
            String limit = maxPending != null ? maxPending : System.getenv("OPS_HUB_MAX_PENDING");
            if (limit != null && !limit.isBlank()) config = config.withMaxPending(SessionHub.maxPending(limit));
            hub = HubDaemon.start(config, HubClient.defaultKeyDir());
        } catch (HubException e) {
            System.err.println("ops hub: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        HubHttp web;
        try {
            web = http == null ? null : HubHttp.start(http, ops == null ? null : ops.options().store(), System.out);
        } catch (IllegalArgumentException | java.io.IOException | dev.opsshell.core.OpsException e) {
            hub.close();
            System.err.println("ops hub: --http " + http + ": " + e.getMessage());
            return ExitCodes.USAGE;
        }
        // the hub's own session: notifications, and the store's schedules unless --no-schedules (docs/schedules.md)
        HubSchedules schedules = ops == null ? null : HubSchedules.start(ops.options(), hub, !noSchedules);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (schedules != null) schedules.close();
            if (web != null) web.close();
            hub.close();
            stopped.countDown();
        }, "ops-hub-shutdown"));
        System.out.println("hub listening on " + hub.endpoint());
        System.out.println("hub key " + hub.publicKey());
        System.out.println("key store " + config.keyDir() + " (ops keys list|accept NAME --fingerprint FP|reject NAME|"
                + "delete NAME), at most " + config.maxPending() + " pending");
        System.out.println("agents: java -jar ops-agent.jar --hub tcp://THIS-HOST:" + hub.port() + " --hub-key '"
                + hub.publicKey() + "'");
        System.out.flush();
        stopped.await();
        return ExitCodes.OK;
    }
}
