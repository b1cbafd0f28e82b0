package dev.opsshell.remote.driver.aws;

import dev.opsshell.core.driver.Driver;
import dev.opsshell.core.driver.DriverException;
import dev.opsshell.core.driver.JobContext;
import dev.opsshell.core.driver.Drivers;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The aws driver when what it needs is not there: the endpoint, the credentials; and found by ServiceLoader. */
class AwsFaultsTest {

    @Test
    void anUnreachableEndpointIsAClearError() throws IOException {
        AwsLab.credentials();
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort(); // free, and closed again: nothing listens there
        }
        try (Ec2Endpoint unused = new Ec2Endpoint();
             Driver driver = new AwsProvider().open(AwsLab.section(unused, "endpoint", "http://127.0.0.1:" + port, "max_attempts", "2"))) {
            DriverException e = assertThrows(DriverException.class,
                    () -> driver.create(AwsLab.machine(AwsLab.section(unused, "endpoint", "http://127.0.0.1:" + port)), JobContext.none()));
            assertEquals("EndpointUnreachable", e.code());
            assertTrue(e.getMessage().contains("cannot reach the EC2 endpoint") && e.getMessage().contains("AWS_ENDPOINT_URL_EC2"), e.getMessage());
        }
    }

    @Test
    void missingCredentialsNameWhereTheyAreLookedFor() throws IOException {
        Path none = Files.createTempDirectory("no-aws");
        String[] keys = {"aws.accessKeyId", "aws.secretAccessKey", "aws.sharedCredentialsFile", "aws.configFile"};
        Map<String, String> before = new java.util.HashMap<>();
        for (String k : keys) if (System.getProperty(k) != null) before.put(k, System.getProperty(k));
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
        System.setProperty("aws.sharedCredentialsFile", none.resolve("credentials").toString());
        System.setProperty("aws.configFile", none.resolve("config").toString());
        System.setProperty("aws.disableEc2Metadata", "true");
        try (Ec2Endpoint endpoint = new Ec2Endpoint(); Driver driver = new AwsProvider().open(AwsLab.section(endpoint))) {
            DriverException e = assertThrows(DriverException.class, driver::list);
            assertEquals("NoCredentials", e.code());
            for (String where : new String[]{"AWS_ACCESS_KEY_ID", "aws.accessKeyId", "~/.aws/credentials", "AWS_PROFILE", "instance metadata"}) {
                assertTrue(e.getMessage().contains(where), "names " + where + ": " + e.getMessage());
            }
            assertEquals(0, endpoint.totalCalls(), "nothing unsigned was sent");
        } finally {
            for (String k : keys) System.clearProperty(k);
            before.forEach(System::setProperty);
            Files.deleteIfExists(none);
        }
    }

    @Test
    void theDriverIsFoundByItsKindAndNeverPrintsTheSecret() throws IOException {
        AwsLab.credentials();
        try (Ec2Endpoint endpoint = new Ec2Endpoint(); Drivers drivers = new Drivers()) {
            assertTrue(drivers.kinds().contains("aws"), drivers.kinds().toString());
            Driver d = drivers.of(AwsLab.section(endpoint));
            assertEquals("aws", d.kind());
            assertFalse(d.toString().contains(System.getProperty("aws.secretAccessKey")), d.toString());
            assertEquals(0, d.list().size());
        }
    }
}
