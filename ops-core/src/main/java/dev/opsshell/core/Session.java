package dev.opsshell.core;

import dev.opsshell.core.events.Events;
import dev.opsshell.core.events.RunFinished;
import dev.opsshell.core.history.Recipes;
import dev.opsshell.core.history.RunSource;
import dev.opsshell.core.inventory.Inventory;
import dev.opsshell.core.inventory.InventoryException;
import dev.opsshell.core.inventory.InventoryWatch;
import dev.opsshell.core.result.ExitStatus;
import dev.opsshell.core.result.Results;
import dev.opsshell.core.run.Progress;
import dev.opsshell.core.transport.Prompter;
import dev.opsshell.core.transport.Settings;
import dev.opsshell.core.transport.Transport;
import dev.opsshell.core.transport.TransportProvider;

import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * Everything one shell (or one script) works with: settings, inventory, the transports it opened,
 * where output goes and how to ask for secrets. Transports are created on first use and kept, so
 * SSH connections are pooled across REPL lines; {@link #close()} releases them all.
 *
 * <p>The shell installs one session as {@link #current()}; the vocabulary reads it. Thread-safe.
 */
public final class Session implements AutoCloseable {
    private static volatile Session current;

    private volatile Settings settings;
    private final Object settingsLock = new Object();
    private volatile Inventory inventory;
    private volatile InventoryWatch inventoryWatch;
    private volatile PrintStream out;
    private volatile Prompter prompter = Prompter.NONE;
    private volatile Progress.Factory progress = Progress.Factory.NONE;
    private volatile boolean colour;
    private volatile java.util.function.IntSupplier columns = () -> 0;
    private final ExitStatus exitStatus = new ExitStatus();
    private final Events events = new Events();
    private final Map<String, Transport> open = new ConcurrentHashMap<>();
    private final Map<String, TransportProvider> providers = new LinkedHashMap<>();
    private final List<AutoCloseable> resources = new ArrayList<>();

    public Session(Settings settings, Inventory inventory, PrintStream out) {
        this.settings = settings;
        this.inventory = inventory;
        this.out = out;
        for (TransportProvider p : ServiceLoader.load(TransportProvider.class, Session.class.getClassLoader())) {
            providers.putIfAbsent(p.name(), p);
        }
    }

    /** The session the shell is working in; a default local-only one is made on first use. */
    public static Session current() {
        Session s = current;
        if (s == null) {
            synchronized (Session.class) {
                if (current == null) current = new Session(Settings.defaults(), Inventory.localOnly(), System.out);
                s = current;
            }
        }
        return s;
    }

    public static void setCurrent(Session session) {
        current = session;
    }

    public Settings settings() {
        return settings;
    }

    /** Applies a change to the settings; concurrent changes are applied one after another, none lost. */
    public Settings update(UnaryOperator<Settings> change) {
        synchronized (settingsLock) {
            Settings next = change.apply(settings);
            settings = next;
            return next;
        }
    }

    public Inventory inventory() {
        return inventory;
    }

    public void inventory(Inventory newInventory) {
        inventory = newInventory;
    }

    /** Reads the inventory through {@code watch} (throws InventoryException) and keeps watching its files. */
    public Session inventoryFrom(InventoryWatch watch) {
        inventory = watch.load();
        inventoryWatch = watch;
        return this;
    }

    /**
     * Reads the inventory file again now; throws {@link InventoryException} ({@code file:line: …})
     * and keeps the previous inventory when the file does not read.
     */
    public Inventory reloadInventory() {
        InventoryWatch watch = inventoryWatch;
        if (watch == null) {
            throw new OpsException("this session's inventory (" + inventory.source() + ") was not read from a file;"
                    + " start ops with --inventory FILE, OPS_INVENTORY or ~/.ops/inventory");
        }
        inventory = watch.load();
        return inventory;
    }

    /**
     * When the inventory's files changed since they were read: reads them again and says what
     * happened, once ({@code inventory reloaded: 12 hosts (hosts.ini)}, or the file:line that does not
     * read while the previous inventory stays). Empty when nothing changed.
     */
    public Optional<String> reloadInventoryIfChanged() {
        InventoryWatch watch = inventoryWatch;
        if (watch == null || !watch.changed()) return Optional.empty();
        try {
            Inventory next = reloadInventory();
            return Optional.of("inventory reloaded: " + next.hostCount() + " (" + watch.where() + ")");
        } catch (InventoryException e) {
            return Optional.of("inventory not reloaded: " + e.getMessage() + "; still using the previous one ("
                    + inventory.hostCount() + ")");
        }
    }

    public PrintStream out() {
        return out;
    }

    public void out(PrintStream stream) {
        out = stream;
    }

    /** True when output goes to a terminal that shows ANSI colours (pretty() colours stderr then). */
    public boolean colour() {
        return colour;
    }

    public void colour(boolean on) {
        colour = on;
    }

    /** How wide the terminal showing the output is now, 0 when unknown (a pipe, a script): help() wraps to it. */
    public int columns() {
        return columns.getAsInt();
    }

    public void columns(java.util.function.IntSupplier width) {
        columns = width;
    }

    /** The exit code of this session's run so far: every operation's results are recorded here. */
    public ExitStatus exitStatus() {
        return exitStatus;
    }

    /**
     * Records what an operation gave, for {@link #exitStatus()}, and tells {@link #events()}
     * subscribers (history, notifiers) it finished; returns it.
     */
    public Results record(Results results) {
        return record(results, null);
    }

    /** As {@link #record(Results)}, for the results of {@code operation} (history keeps how to rebuild it). */
    public Results record(Results results, Object operation) {
        exitStatus.record(results);
        events.publish(new RunFinished(results, RunSource.current(), Instant.now(), Recipes.of(operation).orElse(null)));
        return results;
    }

    /** What happened in this session (runs finished, samples taken), for history and notifiers. */
    public Events events() {
        return events;
    }

    public Prompter prompter() {
        return prompter;
    }

    public void prompter(Prompter p) {
        prompter = p;
    }

    /**
     * How runs show their progress. A schedule's runs happen behind the prompt and show none: their
     * outcome is in {@code schedules()}, the history and notices, not in a line drawn over what is typed.
     */
    public Progress.Factory progress() {
        return RunSource.current().kind() == RunSource.Kind.SCHEDULE ? Progress.Factory.NONE : progress;
    }

    public void progress(Progress.Factory p) {
        progress = p;
    }

    /** The named transport, created on first use and kept open until {@link #close()}. */
    public Transport transport(String name) {
        return open.computeIfAbsent(name, n -> {
            TransportProvider p = providers.get(n);
            if (p == null) {
                throw new OpsException("no transport named '" + n + "'; known: " + String.join(", ", providers.keySet()));
            }
            return p.create(this);
        });
    }

    /** Registers something to close with the session (a hub, a scheduler). */
    public synchronized void closeOnExit(AutoCloseable resource) {
        resources.add(resource);
    }

    @Override
    public synchronized void close() {
        List<AutoCloseable> all = new ArrayList<>(open.values());
        all.addAll(resources);
        open.clear();
        resources.clear();
        for (AutoCloseable r : all) {
            try {
                r.close();
            } catch (Exception e) {
                // one failing close must not keep the others open; say which one and go on
                out.println("closing " + r + ": " + e.getMessage());
            }
        }
    }
}
