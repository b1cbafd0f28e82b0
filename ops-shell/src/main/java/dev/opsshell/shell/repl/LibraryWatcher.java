package dev.opsshell.shell.repl;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

/**
 * Reloads the library when one of its files is saved: a {@link WatchService} on the library's
 * directories, one daemon thread. An editor saves in several steps (truncate and write, or write a
 * new file and rename it over the old), so the reload waits until the directory has been quiet
 * for a moment, then reloads what changed and hands the report over once. The report is printed
 * by the caller (above the prompt being typed). Reloads go through the evaluator's lock, so one
 * never overlaps a running evaluation: it waits for it to end.
 */
public final class LibraryWatcher implements AutoCloseable {
    /** How long the directory must be quiet before a reload: editors' multi-step saves take a few ms. */
    private static final long QUIET_MS = 150;

    private final WatchService service;
    private final Supplier<Library> library;
    private final Consumer<Library.Report> report;
    private final Map<Path, WatchKey> watched = new ConcurrentHashMap<>();
    private final Thread thread;

    private LibraryWatcher(WatchService service, Supplier<Library> library, Consumer<Library.Report> report) {
        this.service = service;
        this.library = library;
        this.report = report;
        this.thread = new Thread(this::run, "ops-library-watcher");
        this.thread.setDaemon(true);
    }

    /**
     * Watches the directories of {@code library} (looked up again at each change: {@code /reset}
     * makes a new one) and hands each reload's report to {@code report}, from the watcher's thread.
     */
    public static LibraryWatcher start(Supplier<Library> library, Consumer<Library.Report> report) throws IOException {
        LibraryWatcher w = new LibraryWatcher(FileSystems.getDefault().newWatchService(), library, report);
        w.refresh();
        w.thread.start();
        return w;
    }

    /** Watches the library's directories as they are now (after {@code /open} or {@code /reload} found new ones). */
    public void refresh() {
        for (Path dir : library.get().directories()) {
            watched.computeIfAbsent(dir, d -> {
                try {
                    return d.register(service, ENTRY_CREATE, ENTRY_MODIFY);
                } catch (IOException | ClosedWatchServiceException e) {
                    return null; // gone or closed: nothing to watch; /reload still works
                }
            });
        }
    }

    private void run() {
        try {
            while (true) {
                boolean relevant = drain(service.take());
                for (WatchKey more = service.poll(QUIET_MS, TimeUnit.MILLISECONDS); more != null;
                     more = service.poll(QUIET_MS, TimeUnit.MILLISECONDS)) {
                    relevant |= drain(more);
                }
                if (!relevant) continue;
                Library.Report r = reload();
                refresh();
                if (!r.isEmpty()) report.accept(r);
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            Thread.currentThread().interrupt(); // closed: the shell is leaving
        }
    }

    /** Reloads the library; a failure is reported (one JShell closed by /reset under it) and watching goes on. */
    private Library.Report reload() {
        try {
            return library.get().reload();
        } catch (RuntimeException e) {
            return new Library.Report(List.of(), List.of("the library could not be reloaded (" + e + "); /reload tries again"));
        }
    }

    /** Whether the events of {@code key} touch a library file. */
    private boolean drain(WatchKey key) {
        boolean relevant = false;
        Path dir = (Path) key.watchable();
        for (WatchEvent<?> e : key.pollEvents()) {
            if (e.kind() == OVERFLOW) relevant = true;
            else if (e.context() instanceof Path name && library.get().concerns(dir.resolve(name))) relevant = true;
        }
        if (!key.reset()) watched.remove(dir); // the directory is gone: watched again by refresh() once it is back
        return relevant;
    }

    @Override
    public void close() throws IOException {
        service.close();
        thread.interrupt();
    }
}
