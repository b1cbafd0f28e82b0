package dev.opsshell.remote.driver.aws;

import dev.opsshell.core.driver.Driver;
import dev.opsshell.core.system.Machine;
import dev.opsshell.core.testing.DriverContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * The driver contract for aws: the real SDK client against {@link Ec2Endpoint}, where every new
 * instance is unknown to DescribeInstances for its first two describes and pending for two more,
 * as on EC2. Leftovers of an interrupted create are an instance already tagged with the system id;
 * a half-way failure is an image whose instance EC2 terminates at launch.
 */
class AwsDriverContractTest extends DriverContract {
    private static Ec2Endpoint endpoint;
    private static Driver driver;

    @BeforeAll
    static void open() throws IOException {
        AwsLab.credentials();
        endpoint = new Ec2Endpoint();
        endpoint.ec2.invisibleFor = 2;
        endpoint.ec2.pendingFor = 2;
        driver = new AwsProvider().open(AwsLab.section(endpoint));
    }

    @AfterAll
    static void close() {
        driver.close();
        endpoint.close();
    }

    @Override
    protected Driver driver() {
        return driver;
    }

    @Override
    protected Machine template() {
        return AwsLab.machine(AwsLab.section(endpoint));
    }

    @Override
    protected void leaveLeftoversOfAnInterruptedCreate(Machine m) {
        endpoint.ec2.run(new Ec2Query(Map.of("ImageId", "ami-0ops", "InstanceType", "t3.micro",
                "TagSpecification.1.ResourceType", "instance", "TagSpecification.1.Tag.1.Key", "ops:system-id",
                "TagSpecification.1.Tag.1.Value", m.id())));
        List<FakeInstance> all = endpoint.ec2.all();
        all.get(all.size() - 1).invisibleFor = 0; // made by a create long ago: EC2 knows it by now
    }

    @Override
    protected void deleteBehindTheDriversBack(Machine m) {
        endpoint.ec2.terminate(m.ref());
    }

    @Override
    protected Machine failingHalfWay(Machine m) {
        return m.withDriver(m.driver().with("image", endpoint.ec2.failingImage));
    }

    @Override
    protected List<String> tracesOf(Machine m) {
        return endpoint.ec2.live(m.id());
    }
}
