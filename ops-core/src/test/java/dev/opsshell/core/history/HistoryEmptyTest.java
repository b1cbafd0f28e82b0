package dev.opsshell.core.history;

import dev.opsshell.core.store.JdbcStore;
import dev.opsshell.core.store.StoreLocation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * history() on a store with no runs says what gets recorded, rather than "no runs recorded that
 * match" when nothing was asked to match (found walking a fresh HOME); a filter keeps its answer.
 */
class HistoryEmptyTest {
    @TempDir
    Path dir;
    JdbcStore store;

    @BeforeEach
    void open() {
        store = JdbcStore.open(StoreLocation.sqlite(dir.resolve("ops.db")));
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void anEmptyHistorySaysWhatIsRecordedAndAFilterSaysNothingMatches() {
        History all = new History(store::history, RunQuery.all());
        String yet = "no runs recorded yet; each operation run from the shell, a script, ops -e or a schedule is recorded when it ends";
        assertEquals(yet, all.toString());
        assertEquals(yet, new History(store::history, RunQuery.all().limit(10)).toString(), "ops history --limit 10");
        assertEquals(yet, assertThrows(IllegalArgumentException.class, all::latest).getMessage());
        assertEquals("no runs recorded that match", all.failed().toString());
        assertEquals("no run recorded that matches; history() lists the runs kept",
                assertThrows(IllegalArgumentException.class, () -> all.host("web1").latest()).getMessage());
    }
}
