package dev.opsshell.remote.driver.aws;

import dev.opsshell.core.driver.Driver;
import dev.opsshell.core.driver.DriverException;
import dev.opsshell.core.driver.Instance;
import dev.opsshell.core.driver.InstanceState;
import dev.opsshell.core.driver.JobContext;
import dev.opsshell.core.system.Machine;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ec2.Ec2Client;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Machines as EC2 instances through one SDK client (one region and endpoint). An instance carries
 * the system id in its {@code ops:system-id} tag and is named {@code hostname-id}; the record's ref
 * is the instance id. Thread-safe: the SDK client is, and this class keeps no other state.
 * <pre>{@code
 * Driver aws = new Drivers().of(DriverSection.of("aws", Map.of("region", "eu-west-1", "image", "ami-0abc")));
 * }</pre>
 */
public final class AwsDriver implements Driver {
    private final Ec2Client ec2;
    private final Ec2Instances instances;
    private final DescribeBatcher batcher;

    AwsDriver(Ec2Client ec2, Duration batchWindow) {
        this.ec2 = ec2;
        this.instances = new Ec2Instances(ec2);
        this.batcher = new DescribeBatcher(ec2, batchWindow);
    }

    static String name(Machine m) {
        return m.hostname() + "-" + m.id();
    }

    @Override
    public String kind() {
        return "aws";
    }

    @Override
    public Instance create(Machine machine, JobContext job) {
        return new AwsCreate(ec2, instances, batcher, machine, job).run();
    }

    @Override
    public void start(Machine machine, JobContext job) {
        software.amazon.awssdk.services.ec2.model.Instance i = require(machine, "start");
        if (Ec2Instances.state(i) == InstanceState.RUNNING || Ec2Instances.state(i) == InstanceState.PENDING) return;
        job.step("starting " + i.instanceId() + " (" + name(machine) + ")");
        call("start " + name(machine), () -> ec2.startInstances(r -> r.instanceIds(i.instanceId())));
    }

    /** StopInstances (EC2 asks the guest to shut down), polled until the grace period ends, then StopInstances with Force. */
    @Override
    public void stop(Machine machine, Duration graceful, JobContext job) {
        software.amazon.awssdk.services.ec2.model.Instance i = require(machine, "stop");
        if (Ec2Instances.state(i) == InstanceState.STOPPED) return;
        String id = i.instanceId();
        AwsSettings settings = AwsSettings.of(machine.driver());
        job.step("asking " + id + " (" + name(machine) + ") to shut down (up to " + graceful.toSeconds() + " s)");
        call("stop " + name(machine), () -> ec2.stopInstances(r -> r.instanceIds(id)));
        if (Polls.until(graceful, settings.poll(), job, () -> stopped(id))) return;
        job.step("forcing " + id + " off: it did not stop within " + graceful.toSeconds() + " s");
        call("stop " + name(machine) + " (forced)", () -> ec2.stopInstances(r -> r.instanceIds(id).force(true)));
        if (!Polls.until(settings.runningWait(), settings.poll(), job, () -> stopped(id))) {
            throw new DriverException("stop " + name(machine) + ": " + id + " was forced off but is still not stopped after "
                    + settings.runningWait().toSeconds() + " s; look at it in the EC2 console");
        }
    }

    @Override
    public void reboot(Machine machine, JobContext job) {
        software.amazon.awssdk.services.ec2.model.Instance i = require(machine, "reboot");
        if (Ec2Instances.state(i) != InstanceState.RUNNING) {
            throw new DriverException("reboot " + name(machine) + ": " + i.instanceId() + " is " + i.state().nameAsString()
                    + ", not running; start it instead");
        }
        job.step("rebooting " + i.instanceId() + " (" + name(machine) + ")");
        call("reboot " + name(machine), () -> ec2.rebootInstances(r -> r.instanceIds(i.instanceId())));
    }

    @Override
    public Instance status(Machine machine) {
        return instances.find(machine).map(Ec2Instances::instance)
                .orElseGet(() -> Instance.absent(machine.ref() == null ? name(machine) : machine.ref()));
    }

    /** The public address, else the private one, from DescribeInstances, asked until {@code wait} ends. */
    @Override
    public String address(Machine machine, Duration wait, JobContext job) {
        AwsSettings settings = AwsSettings.of(machine.driver());
        String[] ip = new String[1];
        boolean found = Polls.until(wait, settings.poll(), job, () -> {
            ip[0] = Ec2Instances.ip(require(machine, "address of"));
            return ip[0] != null;
        });
        if (found) return ip[0];
        throw new DriverException("address of " + name(machine) + ": none after " + wait.toSeconds()
                + " s; tried DescribeInstances' PublicIpAddress and PrivateIpAddress");
    }

    /** Terminates the instance and any other carrying the system id; one already gone is fine. */
    @Override
    public void destroy(Machine machine, JobContext job) {
        Set<String> ids = new LinkedHashSet<>();
        // batched: a fleet destroyed at once shares its DescribeInstances calls
        if (machine.ref() != null && machine.ref().startsWith("i-")) {
            batcher.byId(machine.ref()).stream().filter(Ec2Instances::live).forEach(i -> ids.add(i.instanceId()));
        }
        batcher.bySystem(machine.id()).forEach(i -> ids.add(i.instanceId()));
        if (ids.isEmpty()) return;
        job.step("terminating " + String.join(", ", ids) + " (" + name(machine) + ")");
        try {
            ec2.terminateInstances(r -> r.instanceIds(ids));
        } catch (SdkException e) {
            if (!Ec2Failure.isNotFound(e)) throw Ec2Failure.of("destroy " + name(machine), e);
        }
    }

    @Override
    public List<Instance> list() {
        return instances.all();
    }

    @Override
    public void close() {
        ec2.close();
    }

    @Override
    public String toString() {
        return "aws driver (" + ec2.serviceClientConfiguration().region() + ")";
    }

    private boolean stopped(String id) {
        return instances.byId(id, "reading the state of " + id).map(Ec2Instances::state).orElse(InstanceState.ABSENT) == InstanceState.STOPPED;
    }

    private software.amazon.awssdk.services.ec2.model.Instance require(Machine m, String verb) {
        return instances.find(m).orElseThrow(() -> new DriverException(verb + " " + name(m) + ": EC2 has no instance of system "
                + m.id() + (m.ref() == null ? "" : " (ref " + m.ref() + ")") + "; create it first"));
    }

    private static <T> T call(String what, Supplier<T> call) {
        try {
            return call.get();
        } catch (SdkException e) {
            throw Ec2Failure.of(what, e);
        }
    }
}
