package dev.opsshell.remote.fleet;

import dev.opsshell.core.driver.Drivers;
import dev.opsshell.core.fleet.Batch;
import dev.opsshell.core.fleet.Fleet;
import dev.opsshell.core.fleet.Template;
import dev.opsshell.core.job.JobKind;
import dev.opsshell.core.job.JobQueue;
import dev.opsshell.core.job.Provisioner;
import dev.opsshell.core.store.JdbcStore;
import dev.opsshell.core.store.StoreLocation;
import dev.opsshell.core.system.Size;
import dev.opsshell.core.system.Type;
import dev.opsshell.core.transport.Prompter;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A shell that gets killed mid-job, for {@link KilledShellIT}: creates web-1 on the test
 * hypervisor, starts a stop job that the driver holds for ever, says so, and waits to be killed.
 */
public final class KilledShellChild {
    public static void main(String[] args) throws Exception {
        WatchedDriver kvm = new WatchedDriver(new Drivers().of(FleetJobsIT.KVM));
        Fleet fleet = new Fleet(JdbcStore.open(StoreLocation.sqlite(Path.of(args[0]))), new Drivers(List.of(kvm.provider())),
                Provisioner.NONE, new JobQueue.Options(2, Duration.ofMillis(200), Duration.ofSeconds(1)), () -> Prompter.NONE);
        if (!fleet.create(Template.of(FleetJobsIT.KVM, Size.TINY, Type.named("web")), 1).allSucceeded()) {
            System.out.println("CREATE FAILED");
            System.exit(3);
        }
        kvm.hold("stop", "web-1");
        Batch stop = fleet.systems().named("web-1").async(JobKind.STOP);
        if (!kvm.awaitReached("stop", "web-1", Duration.ofSeconds(60))) {
            System.out.println("STOP NEVER STARTED");
            System.exit(3);
        }
        System.out.println("HOLDING " + stop.jobs().get(0).id());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
