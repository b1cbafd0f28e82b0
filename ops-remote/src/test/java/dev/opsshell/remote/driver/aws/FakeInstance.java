package dev.opsshell.remote.driver.aws;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One instance the endpoint keeps: EC2's fields and how many more describes it stays invisible or pending. */
final class FakeInstance {
    final String id;
    final String reservationId;
    final String image;
    final String type;
    final String keyName;
    final List<String> groups;
    final String clientToken;
    final Map<String, String> tags;
    final String privateIp;
    final String publicIp;
    final String userData;
    final Instant launched = Instant.now();
    String state = "pending";
    String reasonCode;
    String reasonMessage;
    int invisibleFor;
    int pendingFor;
    boolean failsAtBoot;
    boolean ignoresShutdown;

    FakeInstance(String id, String reservationId, String image, String type, String keyName, List<String> groups,
                 String clientToken, Map<String, String> tags, int n, String userData) {
        this.id = id;
        this.reservationId = reservationId;
        this.image = image;
        this.type = type;
        this.keyName = keyName;
        this.groups = groups;
        this.clientToken = clientToken;
        this.tags = tags;
        this.privateIp = "10.0." + (n / 250) + "." + (n % 250 + 4);
        this.publicIp = "203.0." + (113 + n / 250) + "." + (n % 250 + 4);
        this.userData = userData;
    }

    int code() {
        return switch (state) {
            case "pending" -> 0;
            case "running" -> 16;
            case "shutting-down" -> 32;
            case "terminated" -> 48;
            case "stopping" -> 64;
            default -> 80;
        };
    }

    /** One describe has seen it: pending and stopping move on as on EC2. */
    void described() {
        if (state.equals("pending")) {
            if (failsAtBoot) {
                state = "terminated";
                reasonCode = "Server.InternalError";
                reasonMessage = "Server.InternalError: Internal error on launch";
            } else if (pendingFor-- <= 0) {
                state = "running";
            }
        } else if (state.equals("stopping") && !ignoresShutdown) {
            state = "stopped";
        }
    }
}
