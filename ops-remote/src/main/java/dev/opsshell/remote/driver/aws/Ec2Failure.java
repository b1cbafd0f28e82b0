package dev.opsshell.remote.driver.aws;

import dev.opsshell.core.driver.DriverException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;

/**
 * An SDK failure as the system's failure: EC2's own code and message ({@code
 * InsufficientInstanceCapacity: We currently do not have sufficient t3.micro capacity…}) with
 * the code kept in {@link DriverException#code()}, and what to do for the failures ops can name
 * (no credentials, an endpoint that does not answer, an unknown key pair or security group).
 */
final class Ec2Failure {
    static final String NOT_FOUND = "InvalidInstanceID.NotFound";

    private Ec2Failure() {
    }

    static DriverException of(String what, SdkException e) {
        if (e instanceof AwsServiceException s && s.awsErrorDetails() != null) {
            String code = s.awsErrorDetails().errorCode();
            String message = s.awsErrorDetails().errorMessage();
            return new DriverException(code, what + " failed: " + code + ": " + message + hint(code), e);
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (e instanceof SdkClientException && message.contains("Unable to load credentials")) {
            return new DriverException("NoCredentials", what + " failed: no AWS credentials found; looked in "
                    + Ec2Clients.CREDENTIAL_SOURCES + "; set one of them (ops never stores them)", e);
        }
        if (rootIs(e, ConnectException.class) || rootIs(e, UnknownHostException.class) || rootIs(e, HttpTimeoutException.class)) {
            return new DriverException("EndpointUnreachable", what + " failed: cannot reach the EC2 endpoint: " + message
                    + " (check the aws setting endpoint, AWS_ENDPOINT_URL_EC2/AWS_ENDPOINT_URL, the region and the network)", e);
        }
        return new DriverException(null, what + " failed: " + message, e);
    }

    static boolean isNotFound(SdkException e) {
        return e instanceof AwsServiceException s && s.awsErrorDetails() != null
                && NOT_FOUND.equals(s.awsErrorDetails().errorCode());
    }

    private static String hint(String code) {
        if (code == null) return "";
        return switch (code) {
            case "InvalidKeyPair.NotFound" -> " (the aws setting key_name names a key pair this region does not have: import it or fix the name)";
            case "InvalidGroup.NotFound", "InvalidGroupId.NotFound", "InvalidGroupId.Malformed" ->
                    " (the aws setting security_groups names a group this region or VPC does not have)";
            case "InvalidAMIID.NotFound", "InvalidAMIID.Malformed" -> " (the aws setting image names no AMI in this region)";
            case "InsufficientInstanceCapacity" -> " (try again later, another instance_type, or another subnet's availability zone)";
            case "RequestLimitExceeded" -> " (EC2 throttled every attempt; raise the aws setting max_attempts or create fewer at once)";
            case "AuthFailure", "UnauthorizedOperation" -> " (check the credentials the SDK's chain found and their permissions)";
            default -> "";
        };
    }

    private static boolean rootIs(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) return true;
        }
        return false;
    }
}
