package dev.opsshell.remote.driver.aws;

import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesResponse;
import software.amazon.awssdk.services.ec2.model.Reservation;

import java.util.List;

/**
 * The client the SDK's instance-running waiter polls through: its DescribeInstances of one id goes
 * to the {@link DescribeBatcher}, so the waiters of every create running at once share one call.
 * An instance EC2 does not know yet comes back as an empty answer, which the waiter reads as
 * "not yet" (as it reads {@code InvalidInstanceID.NotFound}). Anything else goes to the real client.
 */
final class BatchedWaiterClient implements Ec2Client {
    private final Ec2Client ec2;
    private final DescribeBatcher batcher;

    BatchedWaiterClient(Ec2Client ec2, DescribeBatcher batcher) {
        this.ec2 = ec2;
        this.batcher = batcher;
    }

    @Override
    public DescribeInstancesResponse describeInstances(DescribeInstancesRequest request) {
        if (request.instanceIds().size() != 1 || request.hasFilters() && !request.filters().isEmpty()) {
            return ec2.describeInstances(request);
        }
        List<software.amazon.awssdk.services.ec2.model.Instance> found = batcher.byId(request.instanceIds().get(0));
        return DescribeInstancesResponse.builder()
                .reservations(found.isEmpty() ? List.of() : List.of(Reservation.builder().instances(found).build())).build();
    }

    @Override
    public String serviceName() {
        return ec2.serviceName();
    }

    @Override
    public void close() {
        // the real client is the driver's to close
    }
}
