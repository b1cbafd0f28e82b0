package dev.opsshell.remote.driver.aws;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An aws section with no settings at all, in a JVM whose environment says everything the way the
 * AWS CLI reads it: {@code AWS_ENDPOINT_URL_EC2}, {@code AWS_REGION}, {@code AWS_ACCESS_KEY_ID}.
 * The driver reaches the endpoint with no code of ops's reading those variables.
 */
class AwsStandardSettingsTest {
    @Test
    void theEndpointRegionAndCredentialsComeFromTheSdksStandardEnvironment() throws Exception {
        try (Ec2Endpoint endpoint = new Ec2Endpoint()) {
            endpoint.ec2.run(new Ec2Query(Map.of("ImageId", "ami-0other", "InstanceType", "t3.nano")));
            Path none = Path.of(System.getProperty("java.io.tmpdir"), "ops-no-aws-config-" + ProcessHandle.current().pid());
            ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), AwsEnvChild.class.getName()).redirectErrorStream(true);
            Map<String, String> env = pb.environment();
            env.keySet().removeIf(k -> k.startsWith("AWS_"));
            env.put("AWS_ENDPOINT_URL_EC2", endpoint.uri().toString());
            env.put("AWS_REGION", "eu-west-1");
            env.put("AWS_ACCESS_KEY_ID", AwsLab.ACCESS_KEY);
            env.put("AWS_SECRET_ACCESS_KEY", "ops-test-secret-not-a-real-one");
            env.put("AWS_EC2_METADATA_DISABLED", "true");
            env.put("AWS_CONFIG_FILE", none.resolve("config").toString());
            env.put("AWS_SHARED_CREDENTIALS_FILE", none.resolve("credentials").toString());
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the child ended");
            assertEquals(0, p.exitValue(), out);
            assertTrue(out.contains("listed 1"), out);
            assertEquals(1, endpoint.calls("DescribeInstances"), "the child asked this endpoint");
        }
    }
}
