package dev.opsshell.remote.driver.digitalocean;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opsshell.core.driver.Instance;
import dev.opsshell.core.driver.InstanceState;

/**
 * A droplet as the API describes it: its id, name, status ({@code new}, {@code active}, {@code off},
 * {@code archive}), first public IPv4 (empty until DigitalOcean assigns one) and the ops system id
 * read from its {@code ops-system-<id>} tag (null for droplets ops did not make).
 */
record Droplet(String id, String name, String status, String ip, String systemId) {
    static final String OPS_TAG = "ops";
    static final String SYSTEM_TAG_PREFIX = "ops-system-";

    static String systemTag(String systemId) {
        return SYSTEM_TAG_PREFIX + systemId;
    }

    static Droplet of(JsonNode d) {
        String ip = null;
        for (JsonNode v4 : d.path("networks").path("v4")) {
            if ("public".equals(v4.path("type").asText())) {
                ip = v4.path("ip_address").asText();
                break;
            }
        }
        String systemId = null;
        for (JsonNode tag : d.path("tags")) {
            if (tag.asText().startsWith(SYSTEM_TAG_PREFIX)) systemId = tag.asText().substring(SYSTEM_TAG_PREFIX.length());
        }
        return new Droplet(d.path("id").asText(), d.path("name").asText(), d.path("status").asText(), ip, systemId);
    }

    InstanceState state() {
        return switch (status) {
            case "new" -> InstanceState.PENDING;
            case "active" -> InstanceState.RUNNING;
            case "off" -> InstanceState.STOPPED;
            default -> InstanceState.ABSENT; // archive: kept by DigitalOcean, gone for ops
        };
    }

    boolean ready() {
        return "active".equals(status) && ip != null && !ip.isBlank();
    }

    Instance instance() {
        return new Instance(id, systemId, name, state(), ip);
    }
}
