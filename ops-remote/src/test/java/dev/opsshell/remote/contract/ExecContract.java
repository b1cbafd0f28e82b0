package dev.opsshell.remote.contract;

import dev.opsshell.core.result.Outcome;
import dev.opsshell.core.result.Result;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a command gives back: exit codes, output, input, environment, directory, background children. */
public interface ExecContract extends ContractTarget {
    @Test
    default void exitZeroIsOkAndAnyOtherCodeIsFailedWithThatCode() {
        Result ok = run("true");
        assertEquals(Outcome.OK, ok.outcome(), ok::toString);
        assertEquals(0, ok.exitCode());
        assertEquals(transportName(), ok.transport());
        Result three = run("exit 3");
        assertEquals(Outcome.FAILED, three.outcome(), three::toString);
        assertEquals(3, three.exitCode());
        assertEquals("", three.message(), "a plain non-zero exit needs no message");
    }

    @Test
    default void stdoutAndStderrArriveSeparately() {
        Result r = run("echo to-out; echo to-err >&2; printf 'no newline'");
        assertEquals("to-out\nno newline", r.stdout(), r::toString);
        assertEquals("to-err\n", r.stderr(), r::toString);
    }

    @Test
    default void aCommandThatReadsStdinSeesEndOfFileAtOnce() {
        Result r = run("cat; echo after-eof");
        assertEquals(Outcome.OK, r.outcome(), r::toString);
        assertEquals("after-eof\n", r.stdout());
    }

    @Test
    default void outputLinesStreamLiveToTheSinkTaggedWithHostAndStream() {
        List<String> lines = new CopyOnWriteArrayList<>();
        Result r = transport().exec(host(), command("echo one; echo two >&2; echo three"),
                (h, stderr, line) -> lines.add(h.name() + (stderr ? " err " : " out ") + line));
        assertTrue(r.ok(), r::toString);
        String name = host().name();
        assertTrue(lines.containsAll(List.of(name + " out one", name + " err two", name + " out three")), lines::toString);
        assertEquals(3, lines.size(), lines::toString);
    }

    @Test
    default void aChildLeftRunningInTheBackgroundDoesNotHoldBackTheResult() {
        String sleep = Processes.uniqueSleep();
        try {
            Result r = run(command(sleep + " & echo started").withTimeout(Duration.ofSeconds(20)));
            assertEquals(Outcome.OK, r.outcome(), r::toString);
            assertEquals("started\n", r.stdout());
        } finally {
            Processes.kill(sleep);
        }
    }

    @Test
    default void environmentVariablesArePassedExactly() {
        String tricky = "it's \"quoted\" $HOME `x` \\ and\nnewline";
        Result r = run(command("printf '%s|%s|%s' \"$GREETING\" \"$EMPTY\" \"${UNSET-unset}\"")
                .withEnv(Map.of("GREETING", tricky, "EMPTY", "")));
        assertEquals(tricky + "||unset", r.stdout(), r::toString);
    }

    @Test
    default void aCommandThatNamesNoDirectoryStartsInTheTransportsStartDirectory() {
        Result r = run("pwd");
        assertEquals(startDirectory() + "\n", r.stdout(), r::toString);
    }

    @Test
    default void aCommandRunsInTheDirectoryItNames() throws Exception {
        Path dir = newDirectory("it's a dir");
        Result r = run(command("pwd").withDirectory(dir.toString()));
        assertEquals(Outcome.OK, r.outcome(), r::toString);
        assertEquals(dir + "\n", r.stdout());
    }

    @Test
    default void aDirectoryThatDoesNotExistFailsTheCommandBeforeItRuns() {
        Result r = run(command("echo ran").withDirectory("/nonexistent-contract-dir"));
        assertEquals(Outcome.FAILED, r.outcome(), r::toString);
        assertEquals(1, r.exitCode());
        assertEquals("", r.stdout(), "the command must not run elsewhere");
        assertTrue(r.stderr().contains("/nonexistent-contract-dir"), r::toString);
    }

    @Test
    default void aCommandKilledByASignalExitsWithTheShellsCodeForIt() {
        Result r = run("echo about-to-die; kill -TERM $$");
        assertEquals(Outcome.FAILED, r.outcome(), r::toString);
        assertEquals(128 + 15, r.exitCode(), r::toString);
        assertEquals("about-to-die\n", r.stdout());
    }
}
