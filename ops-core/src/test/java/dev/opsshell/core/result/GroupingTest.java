package dev.opsshell.core.result;

import dev.opsshell.core.host.Host;
import dev.opsshell.core.host.Hosts;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

import static dev.opsshell.core.result.TestResults.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A fleet's problem is said once: hosts that say the same apart from naming themselves are one group. */
class GroupingTest {
    private static final String FP = "SHA256:" + "a".repeat(43);

    private static Host host(int i) {
        return new Host("h" + i, "127.0.1." + i, 22216, "root", Map.of(), List.of("lab"));
    }

    private static Results thirty(IntFunction<Result> result) {
        List<Result> list = new ArrayList<>();
        for (int i = 1; i <= 30; i++) list.add(result.apply(i));
        return new Results("true", Hosts.of("all", list.stream().map(Result::host).toList()), list, Duration.ofMillis(500));
    }

    private static Result unknownKey(int i, String fingerprint) {
        return new Result(host(i), Outcome.HOST_KEY_REJECTED, -1, "", "", false, T0, Duration.ZERO, "ssh",
                "the host key of 127.0.1." + i + ":22216 (ED25519 " + fingerprint + ") is not in /root/.ssh/known_hosts."
                        + " Check the fingerprint, then accept it with acceptHostKeys(\"h" + i + "\"), or let ops add"
                        + " unknown keys: acceptNewHostKeys(true) at the prompt, --accept-new-host-keys on the command line");
    }

    private static int count(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }

    @Test
    void thirtyUnknownHostKeysAreOneLineAndTheHintOnceWithTheFixForAllOfThem() {
        String text = thirty(i -> unknownKey(i, FP)).toString();
        List<String> lines = text.lines().toList();
        assertEquals("✗ h[1-30] (30)  host key rejected", lines.get(1), text);
        assertEquals("    the host key of 127.0.1.[1-30]:22216 (ED25519 " + FP + ") is not in /root/.ssh/known_hosts."
                + " Check the fingerprint, then accept it with acceptHostKeys(\"h[1-30]\"), or let ops add unknown keys:"
                + " acceptNewHostKeys(true) at the prompt, --accept-new-host-keys on the command line", lines.get(2));
        assertEquals(4, lines.size(), text);
        assertEquals(1, count(text, "acceptHostKeys("), text);
    }

    @Test
    void hostsWithTheirOwnKeysStillShareOneLineThatSaysSo() {
        String text = thirty(i -> unknownKey(i, "SHA256:" + String.format("%043d", i))).toString();
        assertTrue(text.contains("✗ h[1-30] (30)  host key rejected\n"), text);
        assertTrue(text.contains("(ED25519 " + HostText.EACH_OWN_KEY + ")"), text);
        assertEquals(1, count(text, "acceptHostKeys("), text);
    }

    @Test
    void thirtyUploadsPrintOneConfirmation() {
        String text = thirty(i -> Result.exited(host(i), 0, "uploaded app.conf to h" + i + ":/tmp/app.conf (120 bytes)",
                "", false, T0, "ssh")).toString();
        assertEquals("true\n✔ h[1-30] (30)\n    uploaded app.conf to h[1-30]:/tmp/app.conf (120 bytes)\n30 ok · 0.50 s",
                text);
    }

    @Test
    void aHostThatSaysSomethingElseStandsApart() {
        String text = thirty(i -> Result.exited(host(i), 0, i == 7 ? "serving h8\n" : "serving h" + i + "\n", "",
                false, T0, "ssh")).toString();
        assertTrue(text.contains("✔ h[1-6,8-30] (29)\n    serving h[1-6,8-30]\n"), text);
        assertTrue(text.contains("✔ h7\n    serving h8\n"), text);
    }

    @Test
    void aNameInsideALongerWordIsNotTheHost() {
        Result a = Result.exited(new Host("web1", null, 0, null, Map.of(), List.of()), 0, "web10 is down, see web1.log\n",
                "", false, T0, "ssh");
        Result b = Result.exited(new Host("web2", null, 0, null, Map.of(), List.of()), 0, "web10 is down, see web1.log\n",
                "", false, T0, "ssh");
        String text = new Results("check", Hosts.of("web", List.of(a.host(), b.host())), List.of(a, b), Duration.ZERO)
                .toString();
        assertTrue(text.contains("✔ web[1-2] (2)\n    web10 is down, see web1.log\n"), text);
    }

    @Test
    void stderrIsLabelledWithoutColourAndRedWithIt() {
        Result r = new Result(host(1), Outcome.FAILED, 2, "partial\n", "fatal: disk full\nno space\n", false, T0,
                Duration.ZERO, "ssh", "");
        Results results = new Results("deploy", Hosts.of("h1", List.of(r.host())), List.of(r), Duration.ZERO);
        assertTrue(results.toString().contains("✗ h1  exit 2\n    partial\n    stderr: fatal: disk full\n    stderr: no space\n"),
                results.toString());
        String coloured = results.prettyText(true);
        assertTrue(coloured.contains("    partial\n    \033[31mfatal: disk full\033[0m\n"), coloured);
        assertFalse(coloured.contains("stderr:"), coloured);
    }

    @Test
    void hostsWithTheSameStdoutButDifferentStderrAreNotOneGroup() {
        Result a = new Result(host(1), Outcome.FAILED, 1, "same\n", "disk full\n", false, T0, Duration.ZERO, "ssh", "");
        Result b = new Result(host(2), Outcome.FAILED, 1, "same\n", "no route\n", false, T0, Duration.ZERO, "ssh", "");
        String text = new Results("x", Hosts.of("all", List.of(a.host(), b.host())), List.of(a, b), Duration.ZERO).toString();
        assertTrue(text.contains("✗ h1  exit 1\n    same\n    stderr: disk full\n✗ h2  exit 1\n"), text);
    }
}
