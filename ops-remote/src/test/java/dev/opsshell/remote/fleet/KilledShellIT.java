package dev.opsshell.remote.fleet;

import dev.opsshell.core.driver.Drivers;
import dev.opsshell.core.fleet.Fleet;
import dev.opsshell.core.job.JobQueue;
import dev.opsshell.core.job.JobRecord;
import dev.opsshell.core.job.JobStatus;
import dev.opsshell.core.job.Provisioner;
import dev.opsshell.core.job.Transition;
import dev.opsshell.core.store.JdbcStore;
import dev.opsshell.core.store.StoreLocation;
import dev.opsshell.core.system.Machine;
import dev.opsshell.core.system.MachineState;
import dev.opsshell.core.testing.Await;
import dev.opsshell.core.transport.Prompter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Kill the shell while a job runs, start again: the job is reported interrupted, the machine's
 * state is read back from the driver, and nothing runs a second time by itself.
 */
class KilledShellIT {
    @TempDir
    Path dir;

    @Test
    void anInterruptedJobIsReportedAndNeverRunsAgain() throws Exception {
        LibvirtAvailable.require();
        Path db = dir.resolve("ops.db");
        Process child = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
                "-cp", System.getProperty("java.class.path"), KilledShellChild.class.getName(), db.toString())
                .redirectErrorStream(true).start();
        String jobId;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            StringBuilder seen = new StringBuilder();
            while ((line = out.readLine()) != null && !line.startsWith("HOLDING ")) seen.append(line).append('\n');
            assertTrue(line != null, "the child shell ended before its job ran:\n" + seen);
            jobId = line.substring("HOLDING ".length()).trim();
            child.destroyForcibly();  // SIGKILL: no shutdown hook, no goodbye
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        }

        WatchedDriver kvm = new WatchedDriver(new Drivers().of(FleetJobsIT.KVM));
        try (Fleet fleet = new Fleet(JdbcStore.open(StoreLocation.sqlite(db)), new Drivers(List.of(kvm.provider())),
                Provisioner.NONE, new JobQueue.Options(2, Duration.ofMillis(200), Duration.ofSeconds(1)), () -> Prompter.NONE)) {
            assertEquals(JobStatus.RUNNING, fleet.store().job(jobId).orElseThrow().status(), "the dead shell left it running");
            JobRecord job = Await.value(Duration.ofSeconds(60), "job " + jobId + " reported interrupted",
                    () -> fleet.store().job(jobId).filter(j -> j.status() == JobStatus.INTERRUPTED));
            assertTrue(job.error().contains("interrupted"), job.error());
            Machine web = fleet.systems().named("web-1").list().get(0);
            // the test hypervisor's machines lived in the killed process: read back, the driver has none
            assertEquals(MachineState.MISSING, web.state());
            Transition last = fleet.store().transitions(web.id()).get(fleet.store().transitions(web.id()).size() - 1);
            assertEquals("interrupted: state read back from the driver", last.cause());
            assertEquals(jobId, last.jobId());
            assertTrue(fleet.store().holder(web.id()).isEmpty(), "the dead job's claim was released");
            assertTrue(kvm.calls.isEmpty(), "the restarted shell ran something by itself: " + kvm.calls);
        } finally {
            child.destroyForcibly();
        }
    }
}
