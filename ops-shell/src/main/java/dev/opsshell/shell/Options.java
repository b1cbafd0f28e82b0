package dev.opsshell.shell;

import dev.opsshell.core.Session;
import dev.opsshell.core.inventory.Inventory;
import dev.opsshell.core.inventory.InventoryLoader;
import dev.opsshell.core.inventory.InventoryWatch;
import dev.opsshell.core.run.Progress;
import dev.opsshell.core.transport.Prompter;
import dev.opsshell.core.transport.Settings;
import dev.opsshell.remote.fleet.SessionFleet;
import dev.opsshell.remote.web.ReportFeeds;
import dev.opsshell.remote.schedule.SessionNotify;
import dev.opsshell.remote.history.SessionHistory;
import dev.opsshell.shell.repl.Library;
import dev.opsshell.shell.repl.Recipes;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The global options every way of running {@code ops} shares, as given on the command line.
 *
 * @param inventory         {@code --inventory FILE}, or null to look in the usual places
 * @param forks             {@code --forks N}, or null for the default
 * @param timeout           {@code --timeout DURATION} per command, or null for the default
 * @param json              {@code --json}: JSON lines instead of the pretty output
 * @param acceptNewHostKeys {@code --accept-new-host-keys}: trust unknown (never changed) host keys
 * @param stream            {@code --stream}: print output lines live, prefixed by host
 * @param store             {@code --store URL|FILE}: the systems store, or null for $OPS_STORE,
 *                          {@code store=} in ~/.ops/config, else ~/.ops/ops.db
 */
public record Options(Path inventory, Integer forks, Duration timeout, boolean json, boolean acceptNewHostKeys,
               boolean stream, String store) {

    /** Without a store flag (the usual lookup). */
    public Options(Path inventory, Integer forks, Duration timeout, boolean json, boolean acceptNewHostKeys, boolean stream) {
        this(inventory, forks, timeout, json, acceptNewHostKeys, stream, null);
    }

    /** The settings these options give, on top of the defaults. */
    Settings settings() {
        Settings s = Settings.defaults();
        if (forks != null) s = s.withForks(forks);
        if (timeout != null) s = s.withCommandTimeout(timeout);
        if (acceptNewHostKeys) s = s.withAcceptNewHostKeys(true);
        if (stream) s = s.withStream(true);
        return s;
    }

    /** The library folders: {@code lib/} beside the inventory, then {@code ~/.ops/lib}. */
    public List<Path> libraryFolders() {
        return Library.folders(Path.of(System.getProperty("user.home")),
                InventoryLoader.locate(inventory == null ? null : inventory.toString()));
    }

    /**
     * Loads the inventory (and keeps watching its files, for {@code reloadInventory()} and the
     * shell's reload at the next line) and installs a new current session with these settings.
     * Throws {@code InventoryException} (exit code 2) when the inventory is missing or malformed.
     */
    public Session openSession(PrintStream out, Prompter prompter, Progress.Factory progress) {
        String flag = inventory == null ? null : inventory.toString();
        Session session = new Session(settings(), Inventory.localOnly(), out)
                .inventoryFrom(new InventoryWatch(() -> InventoryLoader.locate(flag)));
        session.prompter(prompter);
        session.progress(progress);
        SessionFleet.storeFlag(store); // the store opens on first use of the systems vocabulary or history
        ReportFeeds.watch(session); // what report() shows should the store not open
        SessionHistory.install(session);
        Recipes.install();
        SessionNotify.install(session, System.err::println, false); // after a failed run, a crossed threshold: notify.* in ~/.ops/config
        Session.setCurrent(session);
        return session;
    }
}
