package dev.opsshell.remote.driver.aws;

import dev.opsshell.core.system.DriverSection;
import dev.opsshell.core.system.Machine;
import dev.opsshell.core.system.MachineIds;
import dev.opsshell.core.system.MachineState;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the aws tests share: credentials for the SDK's standard chain given the way an operator
 * could (Java system properties, made-up values), the instance metadata service turned off (no
 * EC2 host here to ask), and an aws section pointed at an {@link Ec2Endpoint} with short polls.
 */
final class AwsLab {
    static final String ACCESS_KEY = "AKIAOPSTESTONLY00000";

    private AwsLab() {
    }

    static void credentials() {
        System.setProperty("aws.accessKeyId", ACCESS_KEY);
        System.setProperty("aws.secretAccessKey", "ops-test-secret-not-a-real-one");
        System.setProperty("aws.disableEc2Metadata", "true");
    }

    static DriverSection section(Ec2Endpoint endpoint, String... more) {
        Map<String, String> s = new HashMap<>(Map.of("region", "us-east-1", "endpoint", endpoint.uri().toString(),
                "image", "ami-0ops", "poll_ms", "20", "wait_seconds", "20", "batch_ms", "20"));
        for (int i = 0; i + 1 < more.length; i += 2) s.put(more[i], more[i + 1]);
        return DriverSection.of("aws", s);
    }

    static Machine machine(DriverSection section) {
        return new Machine(MachineIds.next(), "web", "example.org", "deploy", "debian-12", 1, 512, List.of(), null, "web",
                Set.of(), MachineState.NEW, section, null, null, null);
    }
}
