package dev.opsshell.remote.ssh;

import dev.opsshell.core.Session;
import dev.opsshell.core.host.Host;
import dev.opsshell.core.inventory.Inventory;
import dev.opsshell.core.result.Outcome;
import dev.opsshell.core.result.Result;
import dev.opsshell.core.transport.Command;
import dev.opsshell.core.transport.OutputSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Ad hoc targets written as for ssh and parallel-ssh reach the host, user and port they name. */
@ExtendWith(SshLab.class)
class SshTargetsIT {
    private static Result run(String pattern, String command) {
        Session session = new Session(SshLab.lab().settings(), Inventory.localOnly(), System.out);
        Host host = Inventory.localOnly().select(pattern).list().get(0);
        // an ad hoc host has no inventory variables: the lab key is a default key, as ~/.ssh/id_ed25519 would be
        try (SshTransport ssh = new SshTransport(session, SshConfig.EMPTY, List.of(SshLab.lab().key()))) {
            return ssh.exec(host, Command.of(command, session.settings()), OutputSink.NONE);
        }
    }

    @Test
    void userAtAddressColonPortLogsInThereAsThatUser() {
        Result r = run("root@127.0.1.5:" + SshLab.PORT, "echo $(whoami) ${SSH_CONNECTION#* * }");
        assertEquals(Outcome.OK, r.outcome(), r::toString);
        assertEquals("root 127.0.1.5 " + SshLab.PORT + "\n", r.stdout());
        assertEquals("root@127.0.1.5:" + SshLab.PORT, r.host().name());
    }

    @Test
    void aBracketedIpv6AddressWithAPortIsDialledOverIpv6() {
        Result r = run("root@[::1]:" + SshLab.PORT, "echo ${SSH_CONNECTION#* * }");
        assertEquals(Outcome.OK, r.outcome(), r::toString);
        assertEquals("::1 " + SshLab.PORT + "\n", r.stdout());
    }

    @Test
    void aWrongPortIsRefusedNamingTheAddressAndPortAsWritten() {
        Result r = run("root@[::1]:1", "true");
        assertEquals(Outcome.UNREACHABLE, r.outcome(), r::toString);
        assertTrue(r.message().startsWith("connection to [::1]:1 refused"), r.message());
    }
}
