package dev.opsshell.remote.ssh;

import dev.opsshell.core.Session;
import dev.opsshell.core.host.Host;
import dev.opsshell.core.transport.Transport;
import dev.opsshell.remote.contract.TransportContract;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Map;

/** The transport contract over SSH to the loopback OpenSSH lab, logged in as root. */
@ExtendWith(SshLab.class)
class SshTransportContractIT extends TransportContract {
    static final String ADDRESS = "127.0.1.61";
    SshLab.Lab lab;
    private Session session;
    private SshTransport ssh;

    @Override
    protected void open() {
        lab = SshLab.lab();
        session = lab.session();
        ssh = lab.transport(session);
    }

    @Override
    protected void close() {
        if (ssh != null) ssh.close();
        if (session != null) session.close();
    }

    @Override
    protected Transport transport() {
        return ssh;
    }

    @Override
    protected Session session() {
        return session;
    }

    @Override
    protected Host host(Map<String, String> vars) {
        return lab.host(ADDRESS, ADDRESS, "root", vars);
    }

    @Override
    protected String transportName() {
        return SshTransport.NAME;
    }
}
