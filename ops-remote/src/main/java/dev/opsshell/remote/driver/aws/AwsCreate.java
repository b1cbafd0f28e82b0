package dev.opsshell.remote.driver.aws;

import dev.opsshell.core.driver.DriverException;
import dev.opsshell.core.driver.Instance;
import dev.opsshell.core.driver.JobContext;
import dev.opsshell.core.system.Machine;
import dev.opsshell.remote.driver.kvm.CloudInit;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.waiters.WaiterOverrideConfiguration;
import software.amazon.awssdk.core.waiters.WaiterResponse;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesResponse;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.RunInstancesRequest;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;
import software.amazon.awssdk.services.ec2.waiters.Ec2Waiter;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * One create: reuse the system's instance if one runs already (an earlier create, interrupted),
 * else RunInstances with the job's client token and the system id tag, then the SDK's
 * instance-running waiter, bounded by {@code wait_seconds}, polling through the
 * {@link DescribeBatcher} shared by every create at once; an instance EC2 does not know yet
 * (eventual consistency) is polled again. An instance that never
 * reaches running (stuck pending, terminated at launch, a cancelled job) is terminated again, so a
 * failed create leaves nothing.
 */
final class AwsCreate {
    private final Ec2Client ec2;
    private final Ec2Instances instances;
    private final DescribeBatcher batcher;
    private final Machine m;
    private final JobContext job;
    private final AwsSettings settings;
    private final String name;

    AwsCreate(Ec2Client ec2, Ec2Instances instances, DescribeBatcher batcher, Machine m, JobContext job) {
        this.ec2 = ec2;
        this.instances = instances;
        this.batcher = batcher;
        this.m = m;
        this.job = job;
        this.settings = AwsSettings.of(m.driver());
        this.name = AwsDriver.name(m);
    }

    Instance run() {
        if (settings.image() == null) {
            throw new DriverException("create " + name + " failed: the aws setting image is missing; give an AMI id (ami-…) of the region");
        }
        String type = InstanceTypes.of(m, settings);
        String userData = userData();
        job.step("looking for an instance of " + name + " made earlier");
        Optional<software.amazon.awssdk.services.ec2.model.Instance> earlier = batcher.bySystem(m.id()).stream().findFirst();
        String id;
        if (earlier.isPresent()) {
            id = earlier.get().instanceId();
            if (earlier.get().state().name() == InstanceStateName.STOPPED) {
                job.step("starting " + id + ", made for " + name + " earlier");
                call("starting " + id, () -> ec2.startInstances(r -> r.instanceIds(id)));
            }
        } else {
            job.step("running a " + type + " instance of " + settings.image() + " for " + name);
            id = call("running the instance", () -> ec2.runInstances(request(type, userData))).instances().get(0).instanceId();
        }
        return awaitRunning(id);
    }

    private RunInstancesRequest request(String type, String userData) {
        List<Tag> tags = new ArrayList<>();
        tags.add(Tag.builder().key(Ec2Instances.SYSTEM_TAG).value(m.id()).build());
        tags.add(Tag.builder().key("Name").value(name).build());
        settings.tags().forEach((k, v) -> tags.add(Tag.builder().key(k).value(v).build()));
        RunInstancesRequest.Builder b = RunInstancesRequest.builder()
                .imageId(settings.image()).instanceType(type).minCount(1).maxCount(1)
                .clientToken(RunToken.of(m.id(), job.jobId()))
                .userData(userData)
                .tagSpecifications(TagSpecification.builder().resourceType(ResourceType.INSTANCE).tags(tags).build());
        if (settings.keyName() != null) b.keyName(settings.keyName());
        if (settings.subnet() != null) b.subnetId(settings.subnet());
        List<String> ids = settings.securityGroups().stream().filter(g -> g.startsWith("sg-")).toList();
        List<String> names = settings.securityGroups().stream().filter(g -> !g.startsWith("sg-")).toList();
        if (!ids.isEmpty()) b.securityGroupIds(ids);
        if (!names.isEmpty()) b.securityGroups(names);
        return b.build();
    }

    private String userData() {
        String key = CloudInit.readPublicKey(settings.sshKeyFile(), "aws");
        return Base64.getEncoder().encodeToString(CloudInit.of(m, key).userData().getBytes(StandardCharsets.UTF_8));
    }

    private Instance awaitRunning(String id) {
        job.step("waiting up to " + settings.runningWait().toSeconds() + " s for " + id + " (" + name + ") to run");
        WaiterOverrideConfiguration wait = WaiterOverrideConfiguration.builder()
                .waitTimeout(settings.runningWait()).maxAttempts(Integer.MAX_VALUE)
                .backoffStrategyV2(new CancellableBackoff(settings.poll(), job)).build();
        String why;
        try (Ec2Waiter waiter = Ec2Waiter.builder().client(new BatchedWaiterClient(ec2, batcher)).overrideConfiguration(wait).build()) {
            WaiterResponse<DescribeInstancesResponse> done = waiter.waitUntilInstanceRunning(r -> r.instanceIds(id));
            Optional<DescribeInstancesResponse> running = done.matched().response();
            if (running.isPresent()) {
                return running.get().reservations().stream().flatMap(r -> r.instances().stream())
                        .filter(i -> id.equals(i.instanceId())).findFirst().map(Ec2Instances::instance)
                        .orElseThrow(() -> new DriverException("create " + name + " failed: EC2 said " + id + " runs but did not describe it"));
            }
            why = done.matched().exception().map(Throwable::getMessage).orElse("the waiter gave no answer");
        } catch (DriverException e) {
            why = e.getMessage(); // cancelled by the operator while waiting
        } catch (SdkException e) {
            why = e.getMessage().contains("exceeded the max wait time") || e.getMessage().contains("max wait time")
                    ? "still " + lastState(id) + " after " + settings.runningWait().toSeconds() + " s (the aws setting wait_seconds)"
                    : "it did not reach running: " + lastState(id);
        }
        throw cleanUp(id, why);
    }

    private String lastState(String id) {
        return instances.anyById(id, "reading the state of " + id)
                .map(i -> i.state().nameAsString() + (i.stateReason() == null ? "" : " (" + i.stateReason().code() + ": " + i.stateReason().message() + ")"))
                .orElse("unknown to EC2");
    }

    private DriverException cleanUp(String id, String why) {
        try {
            ec2.terminateInstances(r -> r.instanceIds(id));
            return new DriverException("create " + name + " failed: " + id + " " + why + "; terminated it again");
        } catch (SdkException e) {
            if (Ec2Failure.isNotFound(e)) return new DriverException("create " + name + " failed: " + id + " " + why);
            return new DriverException("create " + name + " failed: " + id + " " + why + "; terminating it failed too ("
                    + e.getMessage() + "): terminate " + id + " by hand", e);
        }
    }

    private <T> T call(String what, java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (SdkException e) {
            throw Ec2Failure.of("create " + name + ": " + what, e);
        }
    }
}
