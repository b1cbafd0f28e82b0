package dev.opsshell.core.host;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ClusterShell-style node sets expand and fold back, keeping zero padding as written. */
class NodeSetTest {

    @Test
    void expandKeepsZeroPadding() {
        assertEquals(List.of("web01", "web02", "web03"), NodeSet.expand("web[01-03]"));
        assertEquals(List.of("web08", "web09", "web10"), NodeSet.expand("web[08-10]"));
        assertEquals(List.of("n8", "n9", "n10"), NodeSet.expand("n[8-10]"));
    }

    @Test
    void expandTakesSingleItemsListsAndSuffixes() {
        assertEquals(List.of("web5"), NodeSet.expand("web[5]"));
        assertEquals(List.of("web01", "web02", "web03", "web07"), NodeSet.expand("web[01-03,07]"));
        assertEquals(List.of("db1.lan", "db2.lan"), NodeSet.expand("db[1-2].lan"));
        assertEquals(List.of("plain"), NodeSet.expand("plain"));
    }

    @Test
    void expandTakesSeveralSetsAndSeveralBrackets() {
        assertEquals(List.of("web1", "web2", "db1"), NodeSet.expand("web[1-2],db1"));
        assertEquals(List.of("r1n1", "r1n2", "r2n1", "r2n2"), NodeSet.expand("r[1-2]n[1-2]"));
    }

    @Test
    void expandRejectsMalformedSetsSayingWhatWasExpected() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> NodeSet.expand("web[01-03"))
                .getMessage().contains("unbalanced bracket"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> NodeSet.expand("web[1-]"))
                .getMessage().contains("bad range '1-'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> NodeSet.expand("web[9-1]"))
                .getMessage().contains("runs backwards"));
    }

    @Test
    void foldMakesTheShortestSet() {
        assertEquals("web[01-03,07]", NodeSet.fold(List.of("web01", "web02", "web03", "web07")));
        assertEquals("web[08-10]", NodeSet.fold(List.of("web08", "web09", "web10")));
        assertEquals("db[1-2].lan", NodeSet.fold(List.of("db1.lan", "db2.lan")));
    }

    @Test
    void foldJoinsOnTheOneNumberThatDiffersWhereverItStands() {
        assertEquals("root@127.0.1.[6-7]:22216", NodeSet.fold(List.of("root@127.0.1.6:22216", "root@127.0.1.7:22216")));
        assertEquals("10.0.[1-3].5", NodeSet.fold(List.of("10.0.1.5", "10.0.2.5", "10.0.3.5")));
        assertEquals("rack1-n[1-2],rack2-n1", NodeSet.fold(List.of("rack1-n1", "rack1-n2", "rack2-n1")),
                "where several numbers differ, on the last");
        assertEquals(List.of("root@127.0.1.6:22", "root@127.0.1.7:22"),
                NodeSet.expand(NodeSet.fold(List.of("root@127.0.1.6:22", "root@127.0.1.7:22"))));
    }

    @Test
    void foldKeepsASingleNameAsItIs() {
        assertEquals("web01", NodeSet.fold(List.of("web01")));
        assertEquals("gateway", NodeSet.fold(List.of("gateway")));
        assertEquals("", NodeSet.fold(List.of()));
    }

    @Test
    void foldKeepsPrefixesApartInFirstSeenOrder() {
        assertEquals("web[1-2],db1,gateway", NodeSet.fold(List.of("web1", "db1", "gateway", "web2")));
    }

    @Test
    void foldDoesNotJoinNumbersOfDifferentWidths() {
        assertEquals("web[01,1]", NodeSet.fold(List.of("web1", "web01")));
        assertEquals(List.of("web01", "web1"), NodeSet.expand(NodeSet.fold(List.of("web1", "web01"))));
    }

    @Test
    void foldJoinsAcrossAWidthChangeWhenExpandWouldWriteItTheSame() {
        assertEquals("web[9-11]", NodeSet.fold(List.of("web9", "web10", "web11")));
        assertEquals("n[98-100]", NodeSet.fold(List.of("n98", "n99", "n100")));
        assertEquals("n[098-100]", NodeSet.fold(List.of("n098", "n099", "n100")));
        assertEquals("n[8,09]", NodeSet.fold(List.of("n8", "n09")));
    }

    @Test
    void expandUndoesFold() {
        List<List<String>> cases = List.of(
                List.of("web01", "web02", "web03", "web07", "web08"),
                List.of("a1", "a2", "b10", "b11", "c"),
                List.of("rack1-node01", "rack1-node02", "rack2-node01"),
                List.of("n9", "n10", "n11"),
                List.of("n098", "n099", "n100", "n101"),
                List.of("x8", "x09", "x10"));
        for (List<String> names : cases) assertEquals(names, NodeSet.expand(NodeSet.fold(names)), names.toString());
    }
}
