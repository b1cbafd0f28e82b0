package dev.opsshell.core.pipeline;

import dev.opsshell.core.Session;
import dev.opsshell.core.host.Host;
import dev.opsshell.core.host.Hosts;
import dev.opsshell.core.result.Outcome;
import dev.opsshell.core.result.Result;
import dev.opsshell.core.result.Results;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.opsshell.core.pipeline.Pick.exitCode;
import static dev.opsshell.core.pipeline.Pick.failed;
import static dev.opsshell.core.pipeline.Pick.outputContains;
import static dev.opsshell.core.pipeline.Pick.pick;
import static dev.opsshell.core.pipeline.Pick.successful;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** Operations, pick and stages compose; a lambda written by the operator is an operation like exec. */
class PipelineTest {
    private final Hosts web = Hosts.of("web", List.of(host("web01", 0), host("web02", 1), host("web03", 0),
            host("web04", 2))).via("echo");

    private static Host host(String name, int exit) {
        return new Host(name, null, 0, null, Map.of("exit", Integer.toString(exit)), List.of("web"));
    }

    private static List<String> stdout(Results r) {
        return r.list().stream().map(x -> x.stdout().strip()).toList();
    }

    @Test
    void execRunsOnEveryHostThroughItsTransport() {
        Results r = web.exec("uptime");
        assertEquals(List.of("uptime@web01", "uptime@web02", "uptime@web03", "uptime@web04"), stdout(r));
        assertEquals(List.of(Outcome.OK, Outcome.FAILED, Outcome.OK, Outcome.FAILED),
                r.list().stream().map(Result::outcome).toList());
        assertEquals("echo", r.get("web01").transport());
    }

    @Test
    void pickNarrowsTheHostsAndLeavesTheResultsAsTheyWere() {
        Results first = web.exec("true");
        Stage picked = Stage.of(first).then(pick(successful()));
        assertEquals(List.of("web01", "web03"), picked.hosts().names());
        assertSame(first, picked.results());
        assertEquals("echo", picked.hosts().via(), "the transport choice travels with the hosts");
        assertEquals(List.of("web02", "web04"), Stage.of(first).then(pick(failed())).hosts().names());
        assertEquals(List.of("web04"), Stage.of(first).then(pick(exitCode(2))).hosts().names());
        assertEquals(List.of("web03"), Stage.of(first).then(pick(outputContains("@web03"))).hosts().names());
    }

    @Test
    void theNextOperationRunsOnlyOnThePickedHosts() {
        Stage s = Stage.of(web.exec("true")).then(pick(successful()), Exec.of("df -h /"));
        assertEquals(List.of("df -h /@web01", "df -h /@web03"), stdout(s.results()));
        assertEquals(List.of("web01", "web03"), s.hosts().names());
    }

    @Test
    void aLambdaOperationComposesLikeABuiltIn() {
        Operation twice = h -> h.exec("a").then(Exec.of("b"));
        Stage s = Stage.of(web.exec("true")).then(pick(successful()), twice);
        assertEquals(List.of("b@web01", "b@web03"), stdout(s.results()));
        assertEquals(stdout(web.run(Exec.of("x"))), stdout(web.run(h -> h.exec("x"))));
    }

    @Test
    void aLambdaStepCanBeAnyFunctionOfTheStage() {
        Step firstTwo = stage -> new Stage(stage.hosts().only(
                java.util.Set.copyOf(stage.hosts().names().subList(0, 2)), "first two"), stage.results());
        Stage s = Stage.of(web.exec("true")).then(firstTwo, Exec.of("id"));
        assertEquals(List.of("id@web01", "id@web02"), stdout(s.results()));
    }

    @Test
    void resultsThenContinuesWithTheSuccessfulHosts() {
        assertEquals(List.of("next@web01", "next@web03"), stdout(web.exec("true").then(Exec.of("next"))));
    }

    @Test
    void resultsNarrowedToTheSuccessfulOrFailedHostsRunTheNextStepThere() {
        Results first = web.exec("true");
        assertEquals(List.of("next@web01", "next@web03"), stdout(first.successful().exec("next")));
        assertEquals(List.of("retry@web02", "retry@web04"), stdout(first.failed().run(Exec.of("retry"))));
        assertEquals(List.of("all@web01", "all@web02", "all@web03", "all@web04"), stdout(first.exec("all")));
        assertEquals(List.of("web01", "web03"), first.successful().hosts().names());
        assertEquals("echo", first.successful().exec("x").get("web01").transport(), "the transport choice travels");
    }

    @Test
    void theSessionRecordsTheWorstOfEveryStepNotOnlyTheLast() {
        Session before = Session.current();
        Session.setCurrent(new Session(dev.opsshell.core.transport.Settings.defaults(),
                dev.opsshell.core.inventory.Inventory.localOnly(), System.out));
        try {
            Stage s = Stage.of(web.exec("true")).then(pick(successful()), Exec.of("df -h /"));
            assertEquals(0, s.results().exitCode(), "the last step succeeded on the hosts left");
            assertEquals(5, Session.current().exitStatus().code(), "two hosts were dropped at the first step");
            Session.current().exitStatus().choose(0);
            assertEquals(0, Session.current().exitStatus().code(), "unless the run chose its code");
        } finally {
            Session.setCurrent(before);
        }
    }

    @Test
    void aHostChoosesItsOwnTransportWhenNoneIsForced() {
        Host local = Host.of("localhost");
        Host viaVar = new Host("box", null, 0, null, Map.of("ops_transport", "echo"), List.of());
        Hosts mixed = Hosts.of("mixed", List.of(local, viaVar, Host.of("db.example.com")));
        assertEquals("local", mixed.transportFor(local));
        assertEquals("echo", mixed.transportFor(viaVar));
        assertEquals("ssh", mixed.transportFor(Host.of("db.example.com")));
        assertEquals("echo", mixed.via("echo").transportFor(local));
    }
}
