package dev.opsshell.remote.driver.aws;

import dev.opsshell.core.driver.DriverException;
import dev.opsshell.core.system.DriverSection;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A machine's aws section read into values. Credentials are never a setting: they come from the
 * SDK's standard chain at run time ({@link Ec2Clients}).
 * <ul>
 * <li>{@code region}: the EC2 region; default the SDK's chain ({@code AWS_REGION}, the profile's {@code region}).
 * <li>{@code endpoint}: an EC2 endpoint URL; default the SDK's own settings ({@code AWS_ENDPOINT_URL_EC2},
 *     {@code AWS_ENDPOINT_URL}, the profile's {@code endpoint_url}), else the region's.
 * <li>{@code instance_type}: overrides the type the machine's size maps to ({@link InstanceTypes}).
 * <li>{@code image}: the AMI id; required for create.
 * <li>{@code key_name}: an EC2 key pair; {@code security_groups}: ids ({@code sg-…}) or names, comma separated;
 *     {@code subnet}: a subnet id; {@code tags}: {@code key=value,…} added to ops's own.
 * <li>{@code ssh_key_file}: a public key cloud-init puts in the user's authorized_keys (as kvm).
 * <li>{@code wait_seconds}: how long create waits for running (default 300); {@code poll_ms}: how often
 *     waits ask (default 2000); {@code max_attempts}: the SDK's attempts per call (default 10);
 * <li>{@code batch_ms}: how long a DescribeInstances waits for others to share it (default 200; a
 *     connection setting: the first section opening the client sets it).
 * </ul>
 */
record AwsSettings(String region, URI endpoint, String instanceType, String image, String keyName,
                   List<String> securityGroups, String subnet, Map<String, String> tags, String sshKeyFile,
                   Duration runningWait, Duration poll, int maxAttempts, Duration batchWindow) {

    static AwsSettings of(DriverSection s) {
        return new AwsSettings(blankToNull(s.get("region")), endpoint(s), blankToNull(s.get("instance_type")),
                blankToNull(s.get("image")), blankToNull(s.get("key_name")), list(s.get("security_groups")),
                blankToNull(s.get("subnet")), tags(s.get("tags")), blankToNull(s.get("ssh_key_file")),
                Duration.ofSeconds(number(s, "wait_seconds", 300)), Duration.ofMillis(number(s, "poll_ms", 2000)),
                (int) number(s, "max_attempts", 10), Duration.ofMillis(number(s, "batch_ms", 200)));
    }

    /** Sections with the same region, endpoint and attempts share one client. */
    static String connectionKey(DriverSection s) {
        return "aws " + s.get("region", "(chain)") + " " + s.get("endpoint", "(standard)") + " " + s.get("max_attempts", "10") + " " + s.get("batch_ms", "200");
    }

    static URI endpoint(DriverSection s) {
        String e = blankToNull(s.get("endpoint"));
        if (e == null) return null;
        try {
            URI uri = URI.create(e);
            if (uri.getScheme() == null || uri.getHost() == null) throw new IllegalArgumentException("no scheme or host");
            return uri;
        } catch (IllegalArgumentException ex) {
            throw new DriverException("aws setting endpoint is a URL such as https://ec2.eu-west-1.amazonaws.com (got '" + e + "')");
        }
    }

    private static long number(DriverSection s, String key, long fallback) {
        String v = blankToNull(s.get(key));
        if (v == null) return fallback;
        if (!v.matches("[0-9]{1,9}") || Long.parseLong(v) == 0) {
            throw new DriverException("aws setting " + key + " is a whole number above 0 (got '" + v + "')");
        }
        return Long.parseLong(v);
    }

    private static List<String> list(String v) {
        if (v == null || v.isBlank()) return List.of();
        return Arrays.stream(v.split(",")).map(String::trim).filter(x -> !x.isEmpty()).toList();
    }

    private static Map<String, String> tags(String v) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (String pair : list(v)) {
            int eq = pair.indexOf('=');
            if (eq <= 0) throw new DriverException("aws setting tags is key=value,key=value (got '" + pair + "')");
            String key = pair.substring(0, eq).trim();
            if (key.startsWith("ops:")) throw new DriverException("aws setting tags: keys starting with ops: are ops's own (got '" + key + "')");
            tags.put(key, pair.substring(eq + 1).trim());
        }
        return Map.copyOf(tags);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
