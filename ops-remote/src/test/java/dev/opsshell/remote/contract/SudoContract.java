package dev.opsshell.remote.contract;

import dev.opsshell.core.host.Host;
import dev.opsshell.core.result.Outcome;
import dev.opsshell.core.result.Result;
import dev.opsshell.core.transport.OutputSink;
import dev.opsshell.core.transport.Prompter;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Commands through sudo: the become user, its environment and directory, its failures, killing. */
public interface SudoContract extends ContractTarget {
    @Test
    default void sudoRunsAsRootWhenNoBecomeUserIsSet() {
        Result r = transport().exec(host(), command("id -un").withSudo(true), OutputSink.NONE);
        assertEquals(Outcome.OK, r.outcome(), r::toString);
        assertEquals("root\n", r.stdout());
    }

    @Test
    default void sudoRunsAsTheBecomeUser() {
        Result r = transport().exec(host(Map.of("ansible_become_user", "nobody")),
                command("id -un").withSudo(true), OutputSink.NONE);
        assertEquals(Outcome.OK, r.outcome(), r::toString);
        assertEquals("nobody\n", r.stdout());
        Result plain = transport().exec(host(Map.of("ansible_become_user", "nobody")), command("id -un"), OutputSink.NONE);
        assertEquals("root\n", plain.stdout(), "without sudo the become user is not used");
    }

    @Test
    default void sudoKeepsTheCommandsEnvironment() {
        Result r = transport().exec(host(Map.of("ansible_become_user", "nobody")),
                command("printf '%s' \"$GREETING\"").withSudo(true).withEnv(Map.of("GREETING", "kept it's")),
                OutputSink.NONE);
        assertEquals("kept it's", r.stdout(), r::toString);
    }

    @Test
    default void sudoToAUserThatDoesNotExistFailsNamingTheUser() {
        Result r = transport().exec(host(Map.of("ansible_become_user", "no-such-user-ops")),
                command("id -un").withSudo(true), OutputSink.NONE);
        assertEquals(Outcome.FAILED, r.outcome(), r::toString);
        assertTrue(r.message().contains("'no-such-user-ops'") && r.message().contains("ansible_become_user"),
                r::toString);
    }

    @Test
    default void aBecomeMethodOtherThanSudoIsAClearErrorForThatHost() {
        Result r = transport().exec(host(Map.of("ansible_become_method", "su")),
                command("id -un").withSudo(true), OutputSink.NONE);
        assertEquals(Outcome.ERROR, r.outcome(), r::toString);
        assertTrue(r.message().contains("ansible_become_method=su"), r.message());
        assertEquals("", r.stdout(), "nothing ran");
    }

    @Test
    default void sudoEntersTheDirectoryAsTheBecomeUser() throws Exception {
        Path open = newDirectory("open");
        Path closed = newDirectory("closed");
        Files.setPosixFilePermissions(closed, PosixFilePermissions.fromString("rwx------")); // root's
        Host asNobody = host(Map.of("ansible_become_user", "nobody"));
        Result in = transport().exec(asNobody, command("pwd; id -un").withSudo(true).withDirectory(open.toString()),
                OutputSink.NONE);
        assertEquals(open + "\nnobody\n", in.stdout(), in::toString);
        Result refused = transport().exec(asNobody, command("echo ran").withSudo(true)
                .withDirectory(closed.toString()), OutputSink.NONE);
        assertEquals(Outcome.FAILED, refused.outcome(), refused::toString);
        assertEquals("", refused.stdout(), "nobody may not enter a directory only root can");
    }

    @Test
    default void sudoAsRootNeverAsksForAPassword() {
        List<String> asked = new CopyOnWriteArrayList<>();
        Prompter before = session().prompter();
        session().prompter(prompt -> {
            asked.add(prompt);
            return Optional.empty();
        });
        try {
            Result r = transport().exec(host(Map.of("ansible_become_user", "nobody")),
                    command("id -un").withSudo(true), OutputSink.NONE);
            assertEquals(Outcome.OK, r.outcome(), r::toString);
            assertEquals(List.of(), asked, "root needs no password to become anyone");
        } finally {
            session().prompter(before);
        }
    }

    @Test
    default void aSudoCommandPastItsTimeoutIsKilled() throws Exception {
        String sleep = Processes.uniqueSleep();
        Result r = transport().exec(host(Map.of("ansible_become_user", "nobody")),
                command("echo before; " + sleep).withSudo(true).withTimeout(Duration.ofSeconds(3)), OutputSink.NONE);
        assertEquals(Outcome.TIMED_OUT, r.outcome(), r::toString);
        assertEquals("before\n", r.stdout(), r::toString);
        Processes.assertGone(sleep);
    }
}
