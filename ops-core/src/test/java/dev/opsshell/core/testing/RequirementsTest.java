package dev.opsshell.core.testing;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RequirementsTest {
    @Test
    void aMissingRequirementFailsUnderCi() {
        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                () -> Requirements.require(false, "sshd missing: apt-get install -y openssh-server", true));
        assertTrue(e.getMessage().contains("CI=true"), e.getMessage());
        assertTrue(e.getMessage().contains("apt-get install -y openssh-server"), e.getMessage());
    }

    @Test
    void aMissingRequirementSkipsOutsideCiWithTheReason() {
        TestAbortedException e = assertThrows(TestAbortedException.class,
                () -> Requirements.require(false, "needs root", false));
        assertTrue(e.getMessage().contains("needs root"), e.getMessage());
    }

    @Test
    void aRequirementThatIsMetNeitherSkipsNorFails() {
        assertDoesNotThrow(() -> Requirements.require(true, "anything", true));
        assertDoesNotThrow(() -> Requirements.require(true, "anything", false));
    }

    @Test
    void programsAreFoundOnThePath() {
        assertTrue(Requirements.onPath("sh"));
        assertFalse(Requirements.onPath("no-such-program-" + System.nanoTime()));
    }

    @Test
    void awaitReturnsAsSoonAsTheStateHoldsAndNamesWhatItWaitedForOtherwise() {
        AtomicInteger polls = new AtomicInteger();
        assertEquals("ready", Await.value(Duration.ofSeconds(30), "the third poll",
                () -> polls.incrementAndGet() >= 3 ? java.util.Optional.of("ready") : java.util.Optional.empty()));
        assertEquals(3, polls.get());
        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                () -> Await.until(Duration.ofMillis(50), "a state that never comes", () -> false));
        assertTrue(e.getMessage().contains("a state that never comes"), e.getMessage());
    }
}
