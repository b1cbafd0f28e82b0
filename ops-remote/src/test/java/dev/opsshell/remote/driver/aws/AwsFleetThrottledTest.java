package dev.opsshell.remote.driver.aws;

import dev.opsshell.core.driver.Drivers;
import dev.opsshell.core.fleet.Fleet;
import dev.opsshell.core.fleet.JobResults;
import dev.opsshell.core.fleet.Template;
import dev.opsshell.core.job.JobQueue;
import dev.opsshell.core.job.Provisioner;
import dev.opsshell.core.store.JdbcStore;
import dev.opsshell.core.store.StoreLocation;
import dev.opsshell.core.system.DriverSection;
import dev.opsshell.core.system.Machine;
import dev.opsshell.core.system.MachineState;
import dev.opsshell.core.system.Size;
import dev.opsshell.core.system.Type;
import dev.opsshell.core.transport.Prompter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Twenty machines through the job queue (a Fleet on a temporary SQLite store, four workers, the
 * aws driver found by ServiceLoader) while EC2 throttles a tenth of all calls and loses a third
 * of RunInstances' replies: every system ends with exactly one instance, none with two.
 */
class AwsFleetThrottledTest {
    @TempDir
    Path dir;

    @Test
    void twentyMachinesCreatedWhileThrottledExistOnceEach() throws Exception {
        AwsLab.credentials();
        try (Ec2Endpoint endpoint = new Ec2Endpoint()) {
            endpoint.ec2.invisibleFor = 1;
            endpoint.ec2.pendingFor = 2;
            DriverSection aws = AwsLab.section(endpoint, "wait_seconds", "120");
            Fleet fleet = new Fleet(JdbcStore.open(StoreLocation.sqlite(dir.resolve("ops.db"))), new Drivers(),
                    Provisioner.NONE, new JobQueue.Options(4, Duration.ofMillis(200), Duration.ofSeconds(1)), () -> new Prompter() {
                        public Optional<char[]> secret(String prompt) {
                            return Optional.empty();
                        }

                        public Optional<String> line(String prompt) {
                            return Optional.empty();
                        }
                    });
            try {
                endpoint.throttle = 0.1;
                endpoint.loseRunReplies = 0.33;
                JobResults r = fleet.create(Template.of(aws, Size.TINY, Type.named("web")), 20);
                assertTrue(r.allSucceeded(), r.toString());
                assertTrue(endpoint.throttled.get() > 0 && endpoint.lostReplies.get() > 0,
                        "throttled " + endpoint.throttled + ", lost " + endpoint.lostReplies);
                List<Machine> web = fleet.systems().typed("web").list();
                assertEquals(20, web.size());
                Map<String, Long> perSystem = endpoint.ec2.all().stream()
                        .collect(Collectors.groupingBy(i -> i.tags.get("ops:system-id"), Collectors.counting()));
                assertEquals(20, perSystem.size(), perSystem.toString());
                assertTrue(perSystem.values().stream().allMatch(n -> n == 1), "none twice: " + perSystem);
                for (Machine m : web) {
                    assertEquals(MachineState.RUNNING, m.state(), m.toString());
                    assertEquals(List.of(m.ref() + " running"), endpoint.ec2.live(m.id()), m.toString());
                }
            } finally {
                fleet.close();
            }
        }
    }
}
