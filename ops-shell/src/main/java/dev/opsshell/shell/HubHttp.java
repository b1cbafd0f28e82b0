package dev.opsshell.shell;

import dev.opsshell.core.report.ReportFeed;
import dev.opsshell.core.store.JdbcStore;
import dev.opsshell.core.store.Store;
import dev.opsshell.core.store.StoreLocation;
import dev.opsshell.remote.web.ReportFiles;
import dev.opsshell.remote.web.HttpAddress;
import dev.opsshell.remote.web.ReportFeeds;
import dev.opsshell.remote.web.ReportServer;

import java.io.IOException;
import java.io.PrintStream;
import java.time.ZoneId;

/**
 * {@code ops hub --http [ADDR:]PORT}: the report at {@code /report} and the Prometheus endpoint at
 * {@code /metrics}, read from the store, next to the hub. Loopback unless an address is given; a
 * wider address is said out loud, since the pages carry no authentication.
 */
final class HubHttp implements AutoCloseable {
    private final Store store;
    private final ReportServer server;

    private HubHttp(Store store, ReportServer server) {
        this.store = store;
        this.server = server;
    }

    /** Opens the store named by {@code storeFlag} (null: the usual lookup) and serves it on {@code address}. */
    static HubHttp start(String address, String storeFlag, PrintStream out) throws IOException {
        HttpAddress at = HttpAddress.parse(address);
        Store store = JdbcStore.open(StoreLocation.resolve(storeFlag));
        try {
            ReportFeed feed = ReportFeeds.ofStore(store);
            ReportServer server = ReportServer.start(at, feed, ZoneId.systemDefault(), ReportFiles.DEFAULT_RANGE);
            out.println("report on " + server.uri() + "report, Prometheus metrics on " + server.uri() + "metrics");
            if (!server.loopbackOnly()) {
                out.println("http: serving to the network on " + server.uri() + " (read-only, no authentication;"
                        + " --http PORT keeps it on 127.0.0.1)");
            }
            return new HubHttp(store, server);
        } catch (IOException | RuntimeException e) {
            store.close();
            throw e;
        }
    }

    @Override
    public void close() {
        server.close();
        store.close();
    }
}
