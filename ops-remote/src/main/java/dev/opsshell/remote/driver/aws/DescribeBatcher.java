package dev.opsshell.remote.driver.aws;

import dev.opsshell.core.driver.DriverException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesRequest;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Instance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * DescribeInstances shared by the creates waiting at the same time: the first caller of a kind
 * (by instance id, by system id tag) waits {@code window} for others, then asks once for all of
 * them with a filter (up to 200 values, EC2's limit) and hands each caller its own instances. A
 * filter, not InstanceIds, because one id EC2 does not know yet would fail the whole call
 * ({@code InvalidInstanceID.NotFound}); an unknown id is simply not in the answer. Fifty creates
 * polling every two seconds make one call every two seconds, not fifty.
 */
final class DescribeBatcher {
    static final int MAX_VALUES = 200;
    private final Ec2Client ec2;
    private final Duration window;
    private final Map<String, Batch> open = new HashMap<>();

    private static final class Batch {
        final Set<String> values = new LinkedHashSet<>();
        final CompletableFuture<List<Instance>> answer = new CompletableFuture<>();
    }

    DescribeBatcher(Ec2Client ec2, Duration window) {
        this.ec2 = ec2;
        this.window = window;
    }

    /** The instance with this id in whatever state, terminated too; empty while EC2 does not know it. */
    List<Instance> byId(String id) {
        return ask("instance-id", id).stream().filter(i -> id.equals(i.instanceId())).toList();
    }

    /** The live instances tagged with this system id. */
    List<Instance> bySystem(String systemId) {
        return ask("tag:" + Ec2Instances.SYSTEM_TAG, systemId).stream()
                .filter(i -> systemId.equals(Ec2Instances.tag(i, Ec2Instances.SYSTEM_TAG))).filter(Ec2Instances::live).toList();
    }

    private List<Instance> ask(String filter, String value) {
        Batch batch;
        boolean leader = false;
        synchronized (open) {
            batch = open.get(filter);
            if (batch == null || batch.values.size() >= MAX_VALUES) {
                batch = new Batch();
                open.put(filter, batch);
                leader = true;
            }
            batch.values.add(value);
        }
        if (leader) lead(filter, batch);
        try {
            return batch.answer.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DriverException("interrupted while asking EC2 for " + value, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SdkException sdk) throw Ec2Failure.of("DescribeInstances of " + value, sdk);
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new DriverException("asking EC2 for " + value + " failed: " + e.getCause(), e.getCause());
        }
    }

    private void lead(String filter, Batch batch) {
        try {
            Polls.pause(window); // the others that ask meanwhile join this call
            List<String> values;
            synchronized (open) {
                if (open.get(filter) == batch) open.remove(filter);
                values = new ArrayList<>(batch.values);
            }
            DescribeInstancesRequest request = DescribeInstancesRequest.builder()
                    .filters(Filter.builder().name(filter).values(values).build()).build();
            batch.answer.complete(ec2.describeInstancesPaginator(request).reservations().stream()
                    .flatMap(r -> r.instances().stream()).toList());
        } catch (SdkException | DriverException e) {
            synchronized (open) {
                if (open.get(filter) == batch) open.remove(filter);
            }
            batch.answer.completeExceptionally(e);
        }
    }
}
