package dev.opsshell.remote.hub;

import dev.opsshell.core.Session;
import dev.opsshell.core.host.Host;
import dev.opsshell.core.transport.Transport;
import dev.opsshell.remote.contract.TransportContract;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The transport contract through a real hub to an agent in its own JVM, running as root. */
class AgentTransportContractIT extends TransportContract {
    static final String AGENT = "contract-agent";
    @TempDir
    static Path dir;
    private HubFixture fx;

    @Override
    protected void open() throws Exception {
        fx = new HubFixture(dir);
        fx.accepted(AGENT);
    }

    @Override
    protected void close() {
        if (fx != null) fx.close();
    }

    @Override
    protected Transport transport() {
        return fx.session.transport(AgentTransport.NAME);
    }

    @Override
    protected Session session() {
        return fx.session;
    }

    @Override
    protected Host host(Map<String, String> vars) {
        return new Host(AGENT, AGENT, 0, null, vars, List.of());
    }

    @Override
    protected String transportName() {
        return AgentTransport.NAME;
    }
}
