package dev.opsshell.core;

import dev.opsshell.core.inventory.Inventory;
import dev.opsshell.core.run.Progress;
import dev.opsshell.core.transport.Prompter;
import dev.opsshell.core.transport.Settings;
import dev.opsshell.core.transport.Transport;
import dev.opsshell.core.transport.TransportProvider;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    private volatile PrintStream out;
    private volatile Prompter prompter = Prompter.NONE;
    private volatile Progress.Factory progress = Progress.Factory.NONE;
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

    public PrintStream out() {
        return out;
    }

    public void out(PrintStream stream) {
        out = stream;
    }

    public Prompter prompter() {
        return prompter;
    }

    public void prompter(Prompter p) {
        prompter = p;
    }

    public Progress.Factory progress() {
        return progress;
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
