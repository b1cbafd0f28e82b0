package dev.opsshell.remote.driver.digitalocean;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opsshell.core.driver.DriverException;
import dev.opsshell.core.driver.Instance;
import dev.opsshell.core.driver.JobContext;
import dev.opsshell.core.system.Machine;
import dev.opsshell.remote.driver.kvm.CloudInit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One create: find the system's droplet from an earlier (retried, interrupted) create by its
 * {@code ops-system-<id>} tag, else POST one with the system's tags, ssh keys and cloud-init user
 * data; then wait, in the shared {@link DropletListing}, until it is active with a public IPv4. A
 * create action that errors, a wait that runs out or a cancelled job removes the droplet again.
 */
final class DropletCreate {
    private final DigitalOceanApi api;
    private final DropletListing listing;
    private final Timing timing;
    private final Machine machine;
    private final JobContext job;

    DropletCreate(DigitalOceanApi api, DropletListing listing, Timing timing, Machine machine, JobContext job) {
        this.api = api;
        this.listing = listing;
        this.timing = timing;
        this.machine = machine;
        this.job = job;
    }

    Instance run() {
        job.step("looking for an earlier droplet of " + machine.id());
        Optional<Droplet> earlier = listing.ofSystem(machine.id(), System.nanoTime());
        String actionId = null;
        if (earlier.isPresent() && "off".equals(earlier.get().status())) {
            job.step("powering on the earlier droplet " + earlier.get().id());
            api.post("/v2/droplets/" + earlier.get().id() + "/actions", Map.of("type", "power_on"));
        } else if (earlier.isEmpty()) {
            actionId = post();
        }
        return awaitReady(actionId);
    }

    /**
     * POSTs the droplet; after an answer that was lost or a 5xx it looks for the droplet by its tag
     * before posting again, so a retried create never makes a second one. Returns the create action's id.
     */
    private String post() {
        job.step("creating the droplet");
        Map<String, Object> body = body();
        for (int attempt = 1; ; attempt++) {
            JsonNode made;
            try {
                made = api.postOnce("/v2/droplets", body);
            } catch (DriverException e) {
                boolean unsure = "unreachable".equals(e.code()) || e.code() != null && e.code().matches("http_5\\d\\d|server_error|internal_server_error");
                if (unsure && attempt < 3) {
                    listing.invalidate();
                    if (listing.ofSystem(machine.id(), System.nanoTime()).isPresent()) return null;
                    continue;
                }
                throw new DriverException(e.code(), "create " + label() + ": creating the droplet failed: "
                        + e.getMessage().replaceFirst("^digitalocean: ", "") + (unsure ? "" : "; nothing was made"), e);
            }
            listing.invalidate();
            for (JsonNode a : made.path("links").path("actions")) {
                if ("create".equals(a.path("rel").asText())) return a.path("id").asText();
            }
            return null;
        }
    }

    private Map<String, Object> body() {
        DigitalOceanSettings s = DigitalOceanSettings.of(machine.driver());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", machine.hostname());
        body.put("region", s.region());
        body.put("size", DropletSizes.slug(machine, s.size()));
        body.put("image", s.image());
        if (!s.sshKeys().isEmpty()) body.put("ssh_keys", s.sshKeys());
        List<String> tags = new ArrayList<>(List.of(Droplet.OPS_TAG, Droplet.systemTag(machine.id())));
        tags.addAll(s.tags());
        body.put("tags", tags);
        if (s.vpcUuid() != null && !s.vpcUuid().isBlank()) body.put("vpc_uuid", s.vpcUuid());
        body.put("user_data", CloudInit.of(machine, CloudInit.readPublicKey(s.sshKeyFile(), "digitalocean")).userData());
        return body;
    }

    private Instance awaitReady(String actionId) {
        job.step("waiting for the droplet to be active with an address");
        long deadline = System.nanoTime() + timing.createWait().toNanos();
        String last = "not listed yet";
        int polls = 0;
        while (System.nanoTime() - deadline < 0) {
            if (job.cancelled()) throw removed("cancelled by the operator while waiting for the droplet", null);
            Optional<Droplet> d = listing.ofSystem(machine.id(), System.nanoTime() - timing.poll().toNanos() / 2);
            if (d.isPresent() && d.get().ready()) return d.get().instance();
            if (d.isPresent()) {
                last = d.get().status() + (d.get().ip() == null ? ", no public IPv4 yet" : "");
                if (!List.of("new", "active", "off").contains(d.get().status())) {
                    throw removed("the droplet is " + d.get().status(), null);
                }
                if ("off".equals(d.get().status()) && actionId == null) {
                    throw removed("the droplet is off and was not powered on", null);
                }
            }
            if (actionId != null && ++polls % timing.pollsBeforeActionCheck() == 0) checkAction(actionId);
            DigitalOceanApi.pause(timing.poll());
        }
        throw removed("waiting for the droplet failed: still " + last + " after " + timing.createWait().toSeconds() + " s", null);
    }

    private void checkAction(String actionId) {
        JsonNode a = api.get("/v2/actions/" + actionId).path("action");
        if ("errored".equals(a.path("status").asText())) {
            throw removed("DigitalOcean's create action " + actionId + " failed (errored)", "create_errored");
        }
    }

    /** Removes the system's droplet and says what failed. */
    private DriverException removed(String what, String code) {
        String cleanup;
        try {
            SystemTag.removeAll(api, machine.id());
            listing.invalidate();
            cleanup = "removed the droplet";
        } catch (DriverException e) {
            cleanup = "could not remove the droplet tagged " + Droplet.systemTag(machine.id()) + " (" + e.getMessage()
                    + "); delete it by hand";
        }
        return new DriverException(code, "create " + label() + ": " + what + "; " + cleanup, null);
    }

    private String label() {
        return machine.hostname() + " (" + machine.id() + ")";
    }
}
