package dev.opsshell.remote.local;

import dev.opsshell.core.Session;
import dev.opsshell.core.host.Host;
import dev.opsshell.core.inventory.Inventory;
import dev.opsshell.core.transport.Settings;
import dev.opsshell.core.transport.Transport;
import dev.opsshell.remote.contract.TransportContract;

import java.util.List;
import java.util.Map;

/** The transport contract for commands run as child processes of this JVM. */
class LocalTransportContractIT extends TransportContract {
    private Session session;
    private LocalTransport local;

    @Override
    protected void open() {
        session = new Session(Settings.defaults(), Inventory.localOnly(), System.out);
        local = new LocalTransport(session);
    }

    @Override
    protected void close() {
        local.close();
        session.close();
    }

    @Override
    public Transport transport() {
        return local;
    }

    @Override
    public Session session() {
        return session;
    }

    @Override
    public Host host(Map<String, String> vars) {
        return new Host("localhost", "localhost", 0, null, vars, List.of());
    }

    @Override
    public String startDirectory() {
        return System.getProperty("user.dir");
    }

    @Override
    public String transportName() {
        return LocalTransport.NAME;
    }
}
