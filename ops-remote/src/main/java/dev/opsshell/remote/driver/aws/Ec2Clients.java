package dev.opsshell.remote.driver.aws;

import dev.opsshell.core.driver.DriverException;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.Ec2ClientBuilder;

import java.time.Duration;

/**
 * The EC2 client, built the SDK's standard way: credentials from its default chain (environment,
 * system properties, web identity, profile files, container and instance metadata), the region
 * from the section or the chain, the endpoint from the section or the SDK's own settings
 * ({@code AWS_ENDPOINT_URL_EC2}, {@code AWS_ENDPOINT_URL}, the profile's {@code endpoint_url}), so
 * any EC2-compatible endpoint works with no code here. Retries: the SDK's adaptive mode, up to
 * {@code max_attempts} ({@link Ec2Retries}).
 */
final class Ec2Clients {
    /** Where the SDK's default chain looks for credentials, for the error when it finds none. */
    static final String CREDENTIAL_SOURCES = "the environment (AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY),"
            + " Java system properties (aws.accessKeyId, aws.secretAccessKey), a web identity token (AWS_WEB_IDENTITY_TOKEN_FILE),"
            + " the profile files ~/.aws/credentials and ~/.aws/config (profile AWS_PROFILE, else default),"
            + " the container credentials endpoint and the instance metadata service";

    private Ec2Clients() {
    }

    static Ec2Client open(AwsSettings settings) {
        Ec2ClientBuilder b = Ec2Client.builder()
                .credentialsProvider(DefaultCredentialsProvider.builder().build())
                .region(region(settings))
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(10))
                        .socketTimeout(Duration.ofSeconds(60)))
                .overrideConfiguration(o -> o.retryStrategy(Ec2Retries.adaptive(settings.maxAttempts())));
        if (settings.endpoint() != null) b.endpointOverride(settings.endpoint());
        return b.build();
    }

    private static Region region(AwsSettings settings) {
        if (settings.region() != null) return Region.of(settings.region());
        try {
            return new DefaultAwsRegionProviderChain().getRegion();
        } catch (SdkClientException e) {
            throw new DriverException("aws: no region: set the aws setting region, or AWS_REGION, or region in"
                    + " ~/.aws/config (" + e.getMessage() + ")", e);
        }
    }
}
