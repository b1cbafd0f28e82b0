package dev.opsshell.remote.hub;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The hub port and pending-limit settings are read with a message that says what is accepted, not a NumberFormatException. */
class HubPortSettingTest {

    @Test
    void aPortNumberIsReadAsIs() {
        assertEquals(4505, SessionHub.port("4505"));
        assertEquals(0, SessionHub.port(" 0 "));
    }

    @Test
    void somethingThatIsNotAPortSaysWhatIsAcceptedAndWhatToDo() {
        for (String bad : new String[] {"45o5", "70000", "-1", ""}) {
            HubException e = assertThrows(HubException.class, () -> SessionHub.port(bad));
            assertTrue(e.getMessage().contains("OPS_HUB_PORT") && e.getMessage().contains("'" + bad + "'")
                    && e.getMessage().contains("fix or unset it"), e.getMessage());
        }
    }

    @Test
    void thePendingLimitIsAWholeNumberFromOneWithAMessageOtherwise() {
        assertEquals(50, SessionHub.maxPending(" 50 "));
        for (String bad : new String[] {"0", "lots", "-5", "1e3", ""}) {
            HubException e = assertThrows(HubException.class, () -> SessionHub.maxPending(bad));
            assertTrue(e.getMessage().contains("OPS_HUB_MAX_PENDING") && e.getMessage().contains("'" + bad + "'")
                    && e.getMessage().contains("default is 1000"), e.getMessage());
        }
    }
}
