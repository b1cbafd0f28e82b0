package dev.opsshell.core.inventory;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Ansible host ranges in inventory host names. */
class HostRangeTest {

    @Test
    void numericRangesKeepTheFirstNumbersPadding() {
        assertEquals(List.of("web08", "web09", "web10"), HostRange.expand("web[08:10]"));
        assertEquals(List.of("n9", "n10"), HostRange.expand("n[9:10]"));
    }

    @Test
    void letterRangesAndStepsWork() {
        assertEquals(List.of("db-a", "db-b", "db-c"), HostRange.expand("db-[a:c]"));
        assertEquals(List.of("n0", "n5", "n10"), HostRange.expand("n[0:10:5]"));
        assertEquals(List.of("x-a", "x-c", "x-e"), HostRange.expand("x-[a:e:2]"));
    }

    @Test
    void severalRangesMultiply() {
        assertEquals(List.of("r1n-a", "r1n-b", "r2n-a", "r2n-b"), HostRange.expand("r[1:2]n-[a:b]"));
    }

    @Test
    void aNameWithoutBracketsIsItself() {
        assertEquals(List.of("db.example.com"), HostRange.expand("db.example.com"));
    }

    @Test
    void malformedRangesSayWhatWasExpected() {
        Map<String, String> cases = Map.of(
                "web[1:2:0]", "the step must be at least 1",
                "web[1:2:x]", "the step 'x' is not a number",
                "web[:3]", "both ends of the range are needed",
                "web[1]", "expected [FROM:TO] or [FROM:TO:STEP]",
                "web[aa:b]", "expected two numbers or two single letters",
                "web]1:2[", "unbalanced bracket",
                "web[[1:2]]", "unbalanced bracket");
        cases.forEach((pattern, why) -> {
            String m = assertThrows(IllegalArgumentException.class, () -> HostRange.expand(pattern)).getMessage();
            assertTrue(m.contains(why), pattern + " -> " + m);
        });
    }

    @Test
    void manyGroupsAreCutShortInMessages() {
        StringBuilder ini = new StringBuilder();
        IntStream.range(0, 40).forEach(i -> ini.append("[g").append(i).append("]\nh").append(i).append('\n'));
        String m = assertThrows(InventoryException.class,
                () -> Fixtures.parse("big.ini", ini.toString()).select("nope")).getMessage();
        assertTrue(m.contains("g27 … and 12 more"), m);
    }
}
