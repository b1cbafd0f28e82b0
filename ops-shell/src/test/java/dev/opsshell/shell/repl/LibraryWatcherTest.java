package dev.opsshell.shell.repl;

import dev.opsshell.core.Session;
import dev.opsshell.core.inventory.Inventory;
import dev.opsshell.core.transport.Settings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Saving a library file reloads it, the way editors save: in place, or a new file renamed over the old. */
class LibraryWatcherTest {
    private static final long WAIT_S = 30; // a deadline, not a pause: the report usually comes within 200 ms

    @TempDir
    Path dir;
    private Evaluator evaluator;
    private LibraryWatcher watcher;
    private final BlockingQueue<Library.Report> reports = new LinkedBlockingQueue<>();

    @BeforeEach
    void start() throws Exception {
        Session.setCurrent(new Session(Settings.defaults(), Inventory.localOnly(),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));
        evaluator = new Evaluator(true, true);
        Files.writeString(dir.resolve("ops.jsh"), "int version() { return 1; }\n");
        evaluator.library().load(List.of(dir));
        watcher = LibraryWatcher.start(evaluator::library, reports::add);
    }

    @AfterEach
    void stop() throws Exception {
        watcher.close();
        evaluator.close();
        Session.setCurrent(null);
    }

    private Library.Report next() throws InterruptedException {
        Library.Report r = reports.poll(WAIT_S, TimeUnit.SECONDS);
        assertNotNull(r, "no reload was reported within " + WAIT_S + " s");
        return r;
    }

    @Test
    void aFileSavedInPlaceIsReloadedAndReportedOnce() throws Exception {
        Path f = dir.resolve("ops.jsh");
        Files.writeString(f, "");  // an editor truncating, then writing
        Files.writeString(f, "int version() { return 2; }\n");
        Library.Report r = next();
        if (r.changes().equals(List.of("reloaded " + Library.display(f) + ": nothing changed"))) r = next(); // caught empty
        assertEquals(List.of("reloaded " + Library.display(f) + ": replaced method version()"), r.changes(), r.text());
        assertEquals(2, evaluator.eval("version()").value());
        Files.writeString(dir.resolve("other.txt"), "not a library file");
        Files.writeString(dir.resolve("new.jsh"), "int added() { return 3; }\n");
        assertEquals(List.of("loaded " + Library.display(dir.resolve("new.jsh")) + ": created method added()"), next().changes());
        assertNull(reports.poll(1, TimeUnit.SECONDS), "one report per save");
    }

    @Test
    void aFileWrittenElsewhereAndRenamedOverTheOldIsReloaded() throws Exception {
        Path tmp = dir.resolve(".ops.jsh.swp");
        Files.writeString(tmp, "int version() { return 3; }\n");
        Files.move(tmp, dir.resolve("ops.jsh"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        assertEquals(List.of("reloaded " + Library.display(dir.resolve("ops.jsh")) + ": replaced method version()"), next().changes());
        assertEquals(3, evaluator.eval("version()").value());
    }

    @Test
    void aSaveThatBreaksTheFileIsReportedWithFileAndLineAndTheOldVersionWorks() throws Exception {
        Files.writeString(dir.resolve("ops.jsh"), "\nint version() {\n    return 4\n}\n");
        String text = next().text();
        assertTrue(text.startsWith(Library.display(dir.resolve("ops.jsh")) + ":3: error: ';' expected"), text);
        assertEquals(1, evaluator.eval("version()").value());
    }

    @Test
    void aLibraryFolderMadeWhileTheShellRunsIsWatchedFromThenOn() throws Exception {
        Path later = Files.createDirectories(dir.resolve("home/.ops")).resolve("lib"); // ~/.ops exists, ~/.ops/lib not yet
        evaluator.library().load(List.of(dir, later));
        watcher.refresh();
        Files.createDirectories(later);
        Path f = later.resolve("new.jsh");
        Files.writeString(f, "int fromNewFolder() { return 5; }\n");
        Library.Report r = next();
        assertEquals(List.of("loaded " + Library.display(f) + ": created method fromNewFolder()"), r.changes(), r.text());
        assertEquals(5, evaluator.eval("fromNewFolder()").value());
    }
}
