package dev.opsshell.shell;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real {@code ops} program, run through {@code scripts/ops} as an operator would. */
class OpsCommandLineIT {
    @TempDir
    Path home;

    private Path inventory(String text) throws Exception {
        Path f = home.resolve("hosts.ini");
        Files.writeString(f, text);
        return f;
    }

    @Test
    void aOneLinerPrintsTheResultsAndExitsZero() throws Exception {
        OpsProcess.Run r = OpsProcess.run(home, null, "-e", "localhost().exec(\"echo hi\")");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("✔ localhost\n    hi\n"), r.toString());
        assertTrue(r.out().contains("1 ok"), r.toString());
        assertFalse(r.out().contains("\033["), "piped output carries no ANSI codes: " + r);
    }

    @Test
    void aOneLinerExitsWithTheCodeOfItsLastResults() throws Exception {
        assertEquals(5, OpsProcess.run(home, null, "-e", "localhost().exec(\"exit 7\")").code());
        OpsProcess.Run r = OpsProcess.run(home, null, "-e", "localhost().exec(\"hostname\").get(\"localhost\").ok()");
        assertEquals("true\n", r.out(), r.toString());
    }

    @Test
    void aOneLinerWithACompileErrorExitsOneWithAShortMessageOnStderr() throws Exception {
        OpsProcess.Run r = OpsProcess.run(home, null, "-e", "localhost().exce(\"x\")");
        assertEquals(1, r.code(), r.toString());
        assertTrue(r.err().startsWith("-e:1: error: cannot find symbol"), r.toString());
        assertTrue(r.err().lines().count() <= 5, "short, not a stack dump: " + r);
        assertEquals("", r.out());
    }

    @Test
    void execOfAFailingCommandExitsFive() throws Exception {
        OpsProcess.Run r = OpsProcess.run(home, null, "exec", "localhost", "--", "false");
        assertEquals(5, r.code(), r.toString());
        assertTrue(r.out().contains("✗ localhost  exit 1"), r.toString());
    }

    @Test
    void execOnAnUnknownGroupExitsTwoNamingTheGroupsThatExist() throws Exception {
        Path inv = inventory("[web]\nweb1 ansible_connection=local\n");
        OpsProcess.Run r = OpsProcess.run(home, null, "-i", inv.toString(), "exec", "dbs", "--", "true");
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().contains("no group or host named 'dbs'") && r.err().contains("web"), r.toString());
        assertEquals("", r.out());
    }

    @Test
    void aMalformedInventoryExitsTwoWithFileAndLine() throws Exception {
        Path inv = inventory("[web]\nweb1 ansible_connection=local\n[db\ndb1\n");
        OpsProcess.Run r = OpsProcess.run(home, null, "-i", inv.toString(), "exec", "web", "--", "true");
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().contains(inv + ":3:"), r.toString());
    }

    @Test
    void execRunsOnEveryHostOfAGroupFromTheInventory() throws Exception {
        Path inv = inventory("[web]\nweb1 ansible_connection=local\nweb2 ansible_connection=local\n");
        OpsProcess.Run r = OpsProcess.run(home, null, "--inventory", inv.toString(), "exec", "web", "--", "echo", "same");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("✔ web[1-2] (2)\n    same\n"), r.toString());
    }

    @Test
    void jsonLinesParseAsOneObjectPerHost() throws Exception {
        Path inv = inventory("[web]\nweb1 ansible_connection=local\nweb2 ansible_connection=local\n");
        OpsProcess.Run r = OpsProcess.run(home, null, "-i", inv.toString(), "--json", "exec", "web", "--", "echo hi; exit 3");
        assertEquals(5, r.code(), r.toString());
        List<String> lines = r.out().lines().toList();
        assertEquals(2, lines.size(), r.toString());
        ObjectMapper json = new ObjectMapper();
        for (String line : lines) {
            JsonNode n = json.readTree(line);
            assertEquals(3, n.get("exit").asInt(), line);
            assertEquals("hi\n", n.get("stdout").asText(), line);
        }
        assertEquals("web1", json.readTree(lines.get(0)).get("host").asText());
    }

    @Test
    void aOneLinerWithJsonPrintsItsResultsAsJsonLines() throws Exception {
        OpsProcess.Run r = OpsProcess.run(home, null, "--json", "-e", "localhost().exec(\"echo one; exit 4\")");
        assertEquals(5, r.code(), r.toString());
        JsonNode n = new ObjectMapper().readTree(r.out().strip());
        assertEquals("localhost", n.get("host").asText());
        assertEquals(4, n.get("exit").asInt());
        assertEquals("one\n", n.get("stdout").asText());
    }

    @Test
    void aScriptSeesItsArgumentsAndExitsWithItsLastResults() throws Exception {
        Path script = home.resolve("greet.jsh");
        Files.writeString(script, """
                // a saved session
                String who = args.length > 0 ? args[0] : "nobody";
                var r = localhost()
                        .exec("echo hello " + who + " " + args.length);
                r.pretty();
                localhost().exec("exit " + args[1]);
                """);
        OpsProcess.Run r = OpsProcess.run(home, null, script.toString(), "ops-user", "0", "--not-an-option");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("    hello ops-user 3\n"), r.toString());
        assertFalse(r.out().contains("exit 0"), "a script echoes nothing by itself: " + r);
        assertEquals(5, OpsProcess.run(home, null, script.toString(), "x", "2").code());
    }

    @Test
    void anExceptionInAScriptExitsOneNamingTheScriptLine() throws Exception {
        Path script = home.resolve("fail.jsh");
        Files.writeString(script, "int n = 1;\nObject o = null;\no.hashCode();\n");
        OpsProcess.Run r = OpsProcess.run(home, null, script.toString());
        assertEquals(1, r.code(), r.toString());
        assertTrue(r.err().startsWith(script + ":3: NullPointerException"), r.toString());
    }

    @Test
    void anUnreachableHostMakesTheExitCodeFourEvenWhenAnotherExitedNonZero() throws Exception {
        Path key = home.resolve("id_test");
        Process keygen = new ProcessBuilder("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", key.toString()).start();
        assertEquals(0, keygen.waitFor());
        Path inv = inventory("bad ansible_host=127.0.0.1 ansible_port=1 ansible_ssh_private_key_file=" + key
                + "\nlocal1 ansible_connection=local\n");
        OpsProcess.Run r = OpsProcess.run(home, null, "-i", inv.toString(), "--timeout", "20s", "exec", "all", "--", "false");
        assertEquals(4, r.code(), r.toString());
        assertTrue(r.out().contains("✗ bad  unreachable"), r.toString());
        assertTrue(r.out().contains("✗ local1  exit 1"), r.toString());
    }

    @Test
    void usageErrorsExitTwoAndVersionAndHelpExitZero() throws Exception {
        assertEquals(2, OpsProcess.run(home, null, "--forks").code());
        OpsProcess.Run typo = OpsProcess.run(home, null, "exce", "web", "--", "true");
        assertEquals(2, typo.code(), typo.toString());
        assertTrue(typo.err().startsWith("ops: no script file exce;"), typo.toString());
        OpsProcess.Run v = OpsProcess.run(home, null, "--version");
        assertEquals(0, v.code());
        assertTrue(v.out().startsWith("ops "), v.toString());
        OpsProcess.Run h = OpsProcess.run(home, null, "--help");
        assertTrue(h.out().contains("Exit codes:") && h.out().contains("exec"), h.toString());
    }

    private Path script(String name, String text) throws Exception {
        Path f = home.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    @Test
    void aScriptThatDroppedHostsAtAnEarlyStepFailsEvenWhenItsLastStepSucceeds() throws Exception {
        Path deploy = script("deploy.jsh", """
                var check = localhost().exec("test -e /nonexistent");
                check.then(exec("echo deploying"));
                localhost().exec("echo all done").pretty();
                """);
        OpsProcess.Run r = OpsProcess.run(home, null, deploy.toString());
        assertTrue(r.out().contains("    all done\n"), r.toString());
        assertEquals(5, r.code(), "the host dropped at the first step fails the script: " + r);
    }

    @Test
    void aScriptChoosesItsExitCodeWithExitCodeOrExitOrSlashExit() throws Exception {
        Path handled = script("handled.jsh", "exitCode(0); // failed hosts are handled below\n"
                + "var r = localhost().exec(\"false\");\nif (!r.allOk()) System.out.println(\"will retry later\");\n");
        OpsProcess.Run r = OpsProcess.run(home, null, handled.toString());
        assertEquals(0, r.code(), r.toString());
        assertEquals("will retry later\n", r.out());
        Path early = script("early.jsh", "if (localhost().exec(\"true\").allOk()) exit(3);\nSystem.out.println(\"not reached\");\n");
        r = OpsProcess.run(home, null, early.toString());
        assertEquals(3, r.code(), r.toString());
        assertEquals("", r.out() + r.err());
        assertEquals(4, OpsProcess.run(home, null, script("slash.jsh", "/exit 4\n").toString()).code());
    }

    @Test
    void aScriptThatNeedsArgumentsAndGotNoneSaysSo() throws Exception {
        Path deploy = script("deploy.jsh", "var version = args(1, \"usage: deploy.jsh VERSION\")[0];\n"
                + "System.out.println(\"deploying \" + version);\n");
        OpsProcess.Run none = OpsProcess.run(home, null, deploy.toString());
        assertEquals(2, none.code(), none.toString());
        assertEquals(deploy + ": expected 1 argument, got none\nusage: deploy.jsh VERSION\n", none.err());
        assertEquals("", none.out());
        OpsProcess.Run given = OpsProcess.run(home, null, deploy.toString(), "1.4");
        assertEquals(0, given.code(), given.toString());
        assertEquals("deploying 1.4\n", given.out());

        Path plain = script("plain.jsh", "var version = args[0];\n");
        OpsProcess.Run r = OpsProcess.run(home, null, plain.toString());
        assertEquals(1, r.code(), r.toString());
        assertTrue(r.err().startsWith(plain + ":1: the script expects at least 1 argument (it reads args[0]) but was"
                + " given none: run it as ops " + plain + " ARG"), r.toString());
        assertFalse(r.err().contains("ArrayIndexOutOfBoundsException"), r.toString());
    }

    @Test
    void codePipedIntoTheShellIsEvaluatedAndEchoedWithoutPrompts() throws Exception {
        OpsProcess.Run r = OpsProcess.run(home, "int twice(int x) {\n  return 2 * x;\n}\ntwice(21)\n");
        assertEquals("created method twice(int)\n42\n", r.out(), r.toString());
        assertEquals(0, r.code());
    }

    @Test
    void scriptsAndOneLinersSeeTheLibraryBesideTheInventoryAndTheOperatorsOwn() throws Exception {
        Path inv = inventory("[web]\nweb1 ansible_connection=local\n");
        Files.writeString(Files.createDirectories(home.resolve("lib")).resolve("team.jsh"),
                "Results uptimeOf(Hosts h) {\n    return h.exec(\"echo up\");\n}\n");
        Files.writeString(Files.createDirectories(home.resolve(".ops/lib")).resolve("mine.jsh"),
                "String mine() { return uptimeOf(hosts(\"web\")).get(\"web1\").stdout().strip() + \"+mine\"; }\n");
        OpsProcess.Run r = OpsProcess.run(home, null, "-i", inv.toString(), "-e", "mine()");
        assertEquals("up+mine\n", r.out(), r.toString());
        Path script = home.resolve("check.jsh");
        Files.writeString(script, "System.out.println(mine());\n");
        r = OpsProcess.run(home, null, "-i", inv.toString(), script.toString());
        assertEquals("up+mine\n", r.out(), r.toString());
        assertEquals(0, r.code(), r.toString());

        Files.writeString(home.resolve(".ops/lib/broken.jsh"), "int broken() {\n    return 1\n}\n");
        r = OpsProcess.run(home, null, "-i", inv.toString(), "-e", "mine()");
        assertEquals("up+mine\n", r.out(), "the rest of the library still loads: " + r);
        assertTrue(r.err().startsWith("~/.ops/lib/broken.jsh:2: error: ';' expected"), r.toString());
        assertEquals(0, r.code(), "a broken library file is reported, it does not fail the one-liner: " + r);
    }

    @Test
    void aFileOpenedByHandIsLoadedIntoTheSession() throws Exception {
        Files.writeString(home.resolve("extra.jsh"), "int extra() { return 41; }\n");
        OpsProcess.Run r = OpsProcess.run(home, "/open extra.jsh\nextra() + 1\n/open nothing.jsh\n");
        assertEquals("loaded ~/extra.jsh: created method extra()\n42\n", r.out(), r.toString());
        assertTrue(r.err().contains("no file nothing.jsh to open"), r.toString());
    }
}
