package dev.opsshell.shell;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A script's arguments reach it as a Java {@code String[] args} declaration. */
class BatchTest {

    @Test
    void argsAreDeclaredAsJavaStringLiterals() {
        assertEquals("String[] args = {\"a b\", \"q\\\"uote\", \"back\\\\slash\"};",
                Batch.argsDeclaration(List.of("a b", "q\"uote", "back\\slash")));
        assertEquals("String[] args = {};", Batch.argsDeclaration(List.of()));
    }
}
