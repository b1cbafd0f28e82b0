package dev.opsshell.remote.check;

import dev.opsshell.core.Session;
import dev.opsshell.core.host.Hosts;
import dev.opsshell.remote.ssh.SshLab;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.opsshell.remote.Ops.check;
import static dev.opsshell.remote.check.Checks.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every check, passing and failing for a real reason, on loopback OpenSSH hosts; and a goss file saying the same. */
@ExtendWith(SshLab.class)
class SshChecksIT {
    static CheckWorld world;
    static Session session;
    static Hosts hosts;

    @BeforeAll
    static void start() throws Exception {
        SshLab.Lab lab = SshLab.lab();
        world = new CheckWorld(Path.of("target", "check-world").toAbsolutePath(), lab.port());
        session = lab.session();
        Session.setCurrent(session);
        hosts = Hosts.of("lab", lab.hosts(3)).via("ssh");
    }

    @AfterAll
    static void stop() throws Exception {
        session.close();
        Session.setCurrent(null);
        world.close();
    }

    @Test
    void everyCheckPassesWhereItHoldsAndFailsWithTheObservedValueWhereItDoesNot() throws Exception {
        WorldVerdicts.assertVerdicts(check(hosts, WorldVerdicts.all(world)), world, 3);
    }

    @Test
    void aGossFileGivesTheVerdictsTheSameChecksGive() throws Exception {
        Path yaml = world.dir.resolve("goss.yaml");
        Files.writeString(yaml, world.gossYaml());
        WorldVerdicts.assertSameVerdicts(hosts, world, yaml);
    }

}
