package dev.opsshell.remote.driver.aws;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * RunInstances' ClientToken for one create job of one system: EC2 answers a repeated request with
 * the same token with the instance the first one started, so a retried call (the SDK's own retry
 * after a lost reply, or a job run again after a crash) never starts a second machine. At most 64
 * ASCII characters, as EC2 requires; the system id stays readable in it.
 */
final class RunToken {
    private RunToken() {
    }

    static String of(String systemId, String jobId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((systemId + "/" + jobId).getBytes(StandardCharsets.UTF_8));
            String token = "ops-" + systemId + "-" + HexFormat.of().formatHex(digest);
            return token.length() <= 64 ? token : token.substring(0, 64);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
