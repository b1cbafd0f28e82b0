package dev.opsshell.remote.driver.aws;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.retries.AdaptiveRetryStrategy;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;

import java.io.IOException;
import java.time.Duration;
import java.util.Set;

/**
 * The SDK's adaptive retry mode (exponential backoff with full jitter, a longer one for throttling,
 * and a client-side rate limit that slows the whole client down while EC2 throttles), retrying
 * what may pass: throttling ({@code RequestLimitExceeded}), 5xx answers and I/O failures. Not the
 * SDK's default set, which also retries every 500: EC2 sends {@code InsufficientInstanceCapacity}
 * as a 500, and ten attempts of that took 21 s to say what the first answer said.
 */
final class Ec2Retries {
    /** 5xx answers that another attempt within seconds does not change. */
    static final Set<String> LASTING = Set.of("InsufficientInstanceCapacity", "InsufficientHostCapacity",
            "InsufficientReservedInstanceCapacity", "InsufficientAddressCapacity", "Unsupported");

    private Ec2Retries() {
    }

    static RetryStrategy adaptive(int maxAttempts) {
        return AdaptiveRetryStrategy.builder()
                .useClientDefaults(false)
                .maxAttempts(maxAttempts)
                .retryOnException(Ec2Retries::retryable)
                .treatAsThrottling(Ec2Retries::throttling)
                .backoffStrategy(BackoffStrategy.exponentialDelay(Duration.ofMillis(100), Duration.ofSeconds(20)))
                .throttlingBackoffStrategy(BackoffStrategy.exponentialDelay(Duration.ofSeconds(1), Duration.ofSeconds(20)))
                .build();
    }

    static boolean throttling(Throwable t) {
        return t instanceof AwsServiceException s && s.isThrottlingException();
    }

    static boolean retryable(Throwable t) {
        if (t instanceof AwsServiceException s) {
            String code = s.awsErrorDetails() == null ? null : s.awsErrorDetails().errorCode();
            if (code != null && LASTING.contains(code)) return false;
            return s.isThrottlingException() || s.statusCode() >= 500;
        }
        if (!(t instanceof SdkClientException)) return false;
        for (Throwable c = t.getCause(); c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof IOException) return true;
        }
        return false;
    }
}
