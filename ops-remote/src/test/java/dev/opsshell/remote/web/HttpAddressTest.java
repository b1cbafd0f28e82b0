package dev.opsshell.remote.web;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HttpAddressTest {
    @Test
    void aPortAloneListensOnLoopbackAndAWiderAddressMustBeWritten() {
        assertEquals(new HttpAddress("127.0.0.1", 9464), HttpAddress.parse("9464"));
        assertEquals(new HttpAddress("0.0.0.0", 9464), HttpAddress.parse("0.0.0.0:9464"));
        assertEquals(new HttpAddress("::", 9464), HttpAddress.parse("[::]:9464"));
        assertEquals(new HttpAddress("localhost", 0), HttpAddress.parse("localhost:0"));
    }

    @Test
    void whatIsNotAnAddressIsRefusedSayingTheForm() {
        for (String bad : new String[] {"", "http", "localhost:http", "70000", "::1:9464", "host:"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HttpAddress.parse(bad), bad);
            assertTrue(e.getMessage().contains("[ADDRESS:]PORT"), e.getMessage());
        }
    }

    @Test
    void rangesAreWrittenAsPeopleWriteThem() {
        assertEquals(Duration.ofSeconds(90), Since.parse("90s"));
        assertEquals(Duration.ofHours(6), Since.parse("6h"));
        assertEquals(Duration.ofDays(7), Since.parse("7D"));
        assertEquals("1 chart, 2 runs", ReportFiles.contents(1, 2));
        assertEquals("0 charts, 1 run", ReportFiles.contents(0, 1));
        for (String bad : new String[] {"", "6", "soon", "-1h", "1.5h"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Since.parse(bad), bad);
            assertEquals("'" + bad + "' is not a duration; write it as 500ms, 30s, 5m or 2h, or in days (2d) or weeks (2w)", e.getMessage());
        }
        for (String outOfRange : new String[] {"0h", "500ms", "401d"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Since.parse(outOfRange), outOfRange);
            assertEquals("'" + outOfRange + "' is out of range: from 1s to 400d", e.getMessage());
        }
    }
}
