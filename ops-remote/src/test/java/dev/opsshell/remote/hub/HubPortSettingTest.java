package dev.opsshell.remote.hub;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The hub port setting is read with a message that says what is accepted, not a NumberFormatException. */
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
}
