package dev.opsshell.core.text;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ColumnsTest {

    @Test
    void columnsAreAsWideAsTheirWidestCellTwoSpacesApartAndTheLastIsNotPadded() {
        String table = Columns.render(List.of(
                new String[] {"HOST", "LOAD", "OS"},
                new String[] {"web01.example.org", "0.4", "Debian GNU/Linux 12"},
                new String[] {"db", "12.75", "Alpine"}));
        assertEquals("""
                HOST               LOAD   OS
                web01.example.org  0.4    Debian GNU/Linux 12
                db                 12.75  Alpine
                """, table);
    }

    @Test
    void noLineEndsInSpacesWhenItsLastCellsAreEmpty() {
        // the jobs table's "step or error" and a schedule's empty action padded their lines with spaces
        String table = Columns.render(List.of(new String[] {"job", "status", "step or error"}, new String[] {"j1", "done", ""},
                new String[] {"j2", "", ""}));
        assertEquals("job  status  step or error\nj1   done\nj2\n", table);
    }

    @Test
    void aShortRowRunsOnInItsLastCellWithoutWideningTheColumns() {
        String table = Columns.render(List.of(new String[] {"HOST", "OS", "KERNEL"}, new String[] {"web01", "Debian", "6.1"},
                new String[] {"web02", "✗ unreachable: connection refused by 127.0.1.2:22"}));
        assertEquals("HOST   OS      KERNEL\nweb01  Debian  6.1\nweb02  ✗ unreachable: connection refused by 127.0.1.2:22\n", table);
    }

    @Test
    void aLongerRowAndNoRowsAtAllAreNoError() {
        assertEquals("", Columns.render(List.of()));
        assertEquals("A  B\na  b  c\n", Columns.render(List.of(new String[] {"A", "B"}, new String[] {"a", "b", "c"})));
    }
}
