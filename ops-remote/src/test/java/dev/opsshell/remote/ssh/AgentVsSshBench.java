package dev.opsshell.remote.ssh;

import dev.opsshell.agent.Agent;
import dev.opsshell.agent.AgentConfig;
import dev.opsshell.agent.protocol.CurveKeys;
import dev.opsshell.core.Session;
import dev.opsshell.core.host.Host;
import dev.opsshell.core.host.Hosts;
import dev.opsshell.core.result.Results;
import dev.opsshell.remote.hub.AgentInfo;
import dev.opsshell.remote.hub.Hub;
import dev.opsshell.remote.hub.HubConfig;
import dev.opsshell.remote.hub.SessionHub;
import org.zeromq.ZContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The same command on the same hosts over SSH (cold: new connections; pooled: the session's open
 * connections) and over agents, in one run: {@code scripts/bench-agent --vs-ssh N} runs it against
 * the loopback OpenSSH lab (hosts 127.0.1.1…N), with one in-process agent per host name.
 * Arguments: lab directory, lab port, hub port, host count, command.
 */
public final class AgentVsSshBench {
    public static void main(String[] args) throws Exception {
        Path labDir = Path.of(args[0]);
        int labPort = Integer.parseInt(args[1]);
        int hubPort = Integer.parseInt(args[2]);
        int n = Integer.parseInt(args[3]);
        String command = args.length > 4 ? args[4] : "uname -a";
        SshLab.Lab lab = new SshLab.Lab(labDir, labPort, Path.of("scripts/lab/sshd"));
        List<Host> hosts = lab.hosts(n);
        Path dir = Files.createTempDirectory("agent-vs-ssh");
        try (Hub hub = Hub.start(HubConfig.defaults(hubPort).withBindAddress("127.0.0.1").withKeyDir(dir));
             ZContext shared = new ZContext(1)) {
            List<Agent> agents = new ArrayList<>();
            for (Host h : hosts) {
                CurveKeys keys = CurveKeys.generate();
                hub.keys().allow(h.name(), keys.publicKey());
                agents.add(new Agent(new AgentConfig(hub.endpoint(), hub.publicKey(), h.name(), dir, 5000, 32),
                        keys, line -> { }, shared).start());
            }
            while (hub.agents().stream().filter(AgentInfo::connected).count() < n) Thread.sleep(50);
            Session session = new Session(lab.settings().withForks(n), dev.opsshell.core.inventory.Inventory.localOnly(),
                    System.out);
            Session.setCurrent(session);
            SessionHub.use(session, hub);
            Hosts group = Hosts.of("lab", hosts);
            time("ssh, cold (new connections)", group.via("ssh"), command);
            time("ssh, pooled (connections kept by the session)", group.via("ssh"), command);
            time("agent", group.via("agent"), command);
            time("agent, again", group.via("agent"), command);
            agents.forEach(Agent::stop);
            agents.forEach(Agent::close);
            session.transport("ssh").close();
            Session.setCurrent(null);
        }
        System.exit(0);
    }

    private static void time(String what, Hosts hosts, String command) {
        long t0 = System.nanoTime();
        Results r = hosts.exec(command);
        double ms = (System.nanoTime() - t0) / 1e6;
        System.out.printf("| %d | %s | %.0f ms | %d ok |%n", hosts.size(), what, ms, r.successful().size());
    }
}
