package dev.opsshell.remote.driver.aws;

import dev.opsshell.core.driver.Instance;
import dev.opsshell.core.driver.InstanceState;
import dev.opsshell.core.system.Machine;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesRequest;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;
import software.amazon.awssdk.services.ec2.model.Tag;

import java.util.List;
import java.util.Optional;

/**
 * Finding instances: by id, by the {@code ops:system-id} tag ops puts on every instance it runs,
 * and all of them for sync. Terminated instances (EC2 shows them for about an hour) read as gone.
 * A just-started instance DescribeInstances does not know yet ({@code InvalidInstanceID.NotFound},
 * EC2's eventual consistency) reads as not found here; create waits for it through the SDK's waiter.
 */
final class Ec2Instances {
    static final String SYSTEM_TAG = "ops:system-id";
    static final List<String> LIVE = List.of("pending", "running", "stopping", "stopped");
    private final Ec2Client ec2;

    Ec2Instances(Ec2Client ec2) {
        this.ec2 = ec2;
    }

    /** The instance for a machine: by its ref, else by its system id tag; empty when gone. */
    Optional<software.amazon.awssdk.services.ec2.model.Instance> find(Machine m) {
        if (m.ref() != null && !m.ref().isBlank()) {
            Optional<software.amazon.awssdk.services.ec2.model.Instance> byRef = byId(m.ref(), "looking up " + m.ref());
            if (byRef.isPresent()) return byRef;
        }
        return bySystem(m.id()).stream().findFirst();
    }

    Optional<software.amazon.awssdk.services.ec2.model.Instance> byId(String id, String what) {
        return anyById(id, what).filter(Ec2Instances::live);
    }

    /** The instance with this id in whatever state, terminated too (its state reason says why). */
    Optional<software.amazon.awssdk.services.ec2.model.Instance> anyById(String id, String what) {
        if (!id.startsWith("i-")) return Optional.empty(); // EC2 answers InvalidInstanceID.Malformed: no such instance either way
        try {
            return ec2.describeInstances(r -> r.instanceIds(id)).reservations().stream()
                    .flatMap(r -> r.instances().stream()).findFirst();
        } catch (SdkException e) {
            if (Ec2Failure.isNotFound(e)) return Optional.empty();
            throw Ec2Failure.of(what, e);
        }
    }

    /** The live instances tagged with this system id (normally one). */
    List<software.amazon.awssdk.services.ec2.model.Instance> bySystem(String systemId) {
        return describe("looking up the instances of system " + systemId, DescribeInstancesRequest.builder()
                .filters(Filter.builder().name("tag:" + SYSTEM_TAG).values(systemId).build(),
                        Filter.builder().name("instance-state-name").values(LIVE).build()).build());
    }

    /** Every live instance at this endpoint and region, ops's and others', for sync. */
    List<Instance> all() {
        return describe("listing the instances", DescribeInstancesRequest.builder()
                .filters(Filter.builder().name("instance-state-name").values(LIVE).build()).build())
                .stream().map(Ec2Instances::instance).toList();
    }

    private List<software.amazon.awssdk.services.ec2.model.Instance> describe(String what, DescribeInstancesRequest request) {
        try {
            return ec2.describeInstancesPaginator(request).reservations().stream()
                    .flatMap(r -> r.instances().stream()).filter(Ec2Instances::live).toList();
        } catch (SdkException e) {
            throw Ec2Failure.of(what, e);
        }
    }

    static boolean live(software.amazon.awssdk.services.ec2.model.Instance i) {
        return i.state() != null && LIVE.contains(i.state().nameAsString());
    }

    static Instance instance(software.amazon.awssdk.services.ec2.model.Instance i) {
        return new Instance(i.instanceId(), tag(i, SYSTEM_TAG), tag(i, "Name"), state(i), ip(i));
    }

    static InstanceState state(software.amazon.awssdk.services.ec2.model.Instance i) {
        InstanceStateName name = i.state() == null ? InstanceStateName.UNKNOWN_TO_SDK_VERSION : i.state().name();
        return switch (name) {
            case PENDING -> InstanceState.PENDING;
            case RUNNING -> InstanceState.RUNNING;
            case STOPPING -> InstanceState.STOPPING;
            case STOPPED -> InstanceState.STOPPED;
            case SHUTTING_DOWN, TERMINATED -> InstanceState.ABSENT;
            default -> InstanceState.PENDING;
        };
    }

    /** The public address when it has one, else the private one; null before EC2 gives either. */
    static String ip(software.amazon.awssdk.services.ec2.model.Instance i) {
        if (i.publicIpAddress() != null && !i.publicIpAddress().isBlank()) return i.publicIpAddress();
        return i.privateIpAddress() == null || i.privateIpAddress().isBlank() ? null : i.privateIpAddress();
    }

    static String tag(software.amazon.awssdk.services.ec2.model.Instance i, String key) {
        return i.tags().stream().filter(t -> key.equals(t.key())).map(Tag::value).findFirst().orElse(null);
    }
}
