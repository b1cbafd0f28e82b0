package dev.opsshell.core.transport;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CommandTest {
    private static Command withEnv(Map<String, String> env) {
        return new Command("true", false, Duration.ZERO, 1000, env);
    }

    @Test
    void anEnvironmentVariableNameThatNoShellAcceptsIsRefusedBeforeAnyTransportSeesIt() {
        for (String bad : new String[] {"A-B", "1ST", "", "A B", "X=Y"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> withEnv(Map.of(bad, "v")),
                    "'" + bad + "' should be refused");
            assertTrue(e.getMessage().contains("'" + bad + "' is not a shell name"), e.getMessage());
        }
    }

    @Test
    void shellNamesAreAccepted() {
        assertEquals("v", withEnv(Map.of("_A1", "v")).env().get("_A1"));
        assertEquals("it's", withEnv(Map.of("x", "v")).withEnv(Map.of("GREETING", "it's")).env().get("GREETING"));
    }
}
