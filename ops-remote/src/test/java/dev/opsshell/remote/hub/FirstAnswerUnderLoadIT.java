package dev.opsshell.remote.hub;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The hub answers every new client, every time, while every core is busy with other work: 300
 * fresh shell clients and 3 agent JVMs that connect 15 times each with fresh sockets. Before the
 * jeromq#1022 fix about 1 new connection in 50 to 400 got no answer at all (its ZMTP greeting was
 * never sent). The per-client deadlines (the shell's 10 s connect, 30 s for an agent's welcome)
 * are failure conditions, not timings: how long clients wait is measured by scripts/bench-first-answer.
 */
class FirstAnswerUnderLoadIT {
    @TempDir
    Path dir;

    @Test
    void everyNewShellAndAgentGetsItsFirstAnswerWhileTheCoresAreBusy() throws Exception {
        Path clientKeys = dir.resolve("client");
        HubConfig config = HubConfig.defaults(Ports.free()).withBindAddress("127.0.0.1").withKeyDir(dir.resolve("hub"));
        try (Hub hub = HubDaemon.start(config, clientKeys);
             CpuLoad load = CpuLoad.start(1);
             FirstAnswers.AgentJvms agents = FirstAnswers.startAgents(hub, dir, 3, 15, 30)) {
            List<FirstAnswers.Connect> shells = FirstAnswers.shells(hub, clientKeys, 300, 3);
            List<FirstAnswers.Connect> agentConnects = agents.await(600);
            System.out.println("first answers with " + load.processes() + " busy processes: shells "
                    + FirstAnswers.summary(shells) + "; agents " + FirstAnswers.summary(agentConnects) + "; " + hub.stats());
            assertTrue(shells.stream().allMatch(FirstAnswers.Connect::answered),
                    () -> "shells without an answer: " + FirstAnswers.failures(shells));
            assertEquals(45, agentConnects.size(), () -> "agent connects reported: " + agentConnects);
            assertTrue(agentConnects.stream().allMatch(FirstAnswers.Connect::answered),
                    () -> "agents without an answer: " + FirstAnswers.failures(agentConnects));
        }
    }
}
