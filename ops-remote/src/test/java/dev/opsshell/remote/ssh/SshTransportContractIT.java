package dev.opsshell.remote.ssh;

import dev.opsshell.core.Session;
import dev.opsshell.core.host.Host;
import dev.opsshell.core.host.Hosts;
import dev.opsshell.core.inventory.Inventory;
import dev.opsshell.core.result.Outcome;
import dev.opsshell.core.result.Result;
import dev.opsshell.core.result.Results;
import dev.opsshell.core.transport.OutputSink;
import dev.opsshell.core.transport.Transport;
import dev.opsshell.remote.contract.Processes;
import dev.opsshell.remote.contract.TransportContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    public Transport transport() {
        return ssh;
    }

    @Override
    public Session session() {
        return session;
    }

    @Override
    public Host host(Map<String, String> vars) {
        return lab.host(ADDRESS, ADDRESS, "root", vars);
    }

    @Override
    public String startDirectory() {
        return "/root";
    }

    @Override
    public String transportName() {
        return SshTransport.NAME;
    }

    // ---- what only SSH can do here: log in as another user, with a sudo that needs a password

    private Host opsuser() {
        return lab.host(ADDRESS, ADDRESS, "opsuser", Map.of("ansible_become_password", lab.opsuserPassword()));
    }

    @Test
    void aPasswordSudoCommandPastItsTimeoutIsKilledThroughSudo() throws Exception {
        String sleep = Processes.uniqueSleep();
        Result r = ssh.exec(opsuser(), command("echo before; " + sleep).withSudo(true)
                .withTimeout(Duration.ofSeconds(3)), OutputSink.NONE);
        assertEquals(Outcome.TIMED_OUT, r.outcome(), r::toString);
        assertEquals("before\n", r.stdout(), r::toString);
        Processes.assertGone(sleep);
    }

    @Test
    void liveLinesMaskTheSudoPasswordAsTheCollectedResultDoes() {
        String password = lab.opsuserPassword();
        ByteArrayOutputStream shown = new ByteArrayOutputStream();
        Session before = Session.current();
        try (Session streaming = new Session(lab.settings().withStream(true), Inventory.localOnly(),
                new PrintStream(shown, true, StandardCharsets.UTF_8))) {
            Session.setCurrent(streaming); // the path of --stream and the shell's live lines: Exec to LinePrefixSink
            Results r = Hosts.of("lab", List.of(opsuser())).via(SshTransport.NAME)
                    .sudo("echo \"out " + password + "\"; echo \"err " + password + "\" >&2; id -un");
            Result one = r.get(ADDRESS);
            assertEquals(Outcome.OK, one.outcome(), one::toString);
            assertEquals("out ********\nroot\n", one.stdout());
            assertEquals("err ********\n", one.stderr());
            String live = shown.toString(StandardCharsets.UTF_8);
            assertTrue(live.contains(ADDRESS + " | out ********") && live.contains(ADDRESS + " ! err ********"), live);
            assertFalse(live.contains(password), live);
        } finally {
            Session.setCurrent(before);
        }
    }
}
