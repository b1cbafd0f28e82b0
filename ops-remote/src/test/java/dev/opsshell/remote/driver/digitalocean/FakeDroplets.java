package dev.opsshell.remote.driver.digitalocean;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The droplets, tags and actions {@link FakeDigitalOcean} keeps in memory, moving on with time as
 * DigitalOcean's do: a droplet is {@code new} for a while, then {@code active} without an address,
 * then gets a public IPv4; power actions take a moment; a droplet of the image
 * {@value #FAILING_IMAGE} never leaves {@code new} and its create action errors.
 */
final class FakeDroplets {
    static final String FAILING_IMAGE = "fails-half-way";
    static final Set<String> REGIONS = Set.of("nyc1", "nyc3", "sfo3", "ams3", "fra1", "lon1", "sgp1");
    static final Set<String> SIZES = Set.of("s-1vcpu-512mb-10gb", "s-1vcpu-1gb", "s-2vcpu-2gb", "s-4vcpu-8gb", "s-8vcpu-16gb");
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    volatile Duration newFor = Duration.ofMillis(300);
    volatile Duration addressAfter = Duration.ofMillis(200);
    volatile Duration actionTakes = Duration.ofMillis(150);
    volatile boolean ignoreShutdown;

    private final AtomicLong ids = new AtomicLong(3164444);
    private final Map<Long, FakeDroplet> droplets = new LinkedHashMap<>();
    private final Map<Long, FakeAction> actions = new LinkedHashMap<>();
    private final Set<String> tags = new LinkedHashSet<>();
    final Map<String, Object> lastCreateBody = new LinkedHashMap<>();

    static final class FakeDroplet {
        final long id;
        final String name;
        final String region;
        final String size;
        final String image;
        final List<String> tags;
        final String userData;
        final long createdAt;
        String status = "new";
        long statusSince;
        String pending; // the status an action in progress leads to
        long pendingAt;
        String ip;

        FakeDroplet(long id, String name, String region, String size, String image, List<String> tags, String userData) {
            this.id = id;
            this.name = name;
            this.region = region;
            this.size = size;
            this.image = image;
            this.tags = new ArrayList<>(tags);
            this.userData = userData;
            this.createdAt = System.nanoTime();
        }
    }

    record FakeAction(long id, String type, long dropletId, long completesAt, boolean errors) {
        String status(long now) {
            if (now - completesAt < 0) return "in-progress";
            return errors ? "errored" : "completed";
        }
    }

    /** A droplet made as POST /v2/droplets would; null region/size checks are the caller's. */
    synchronized ObjectNode create(String name, String region, String size, String image, List<String> tagList, String userData) {
        FakeDroplet d = new FakeDroplet(ids.incrementAndGet(), name, region, size, image, tagList, userData);
        droplets.put(d.id, d);
        tags.addAll(tagList);
        FakeAction a = action("create", d.id, FAILING_IMAGE.equals(image) ? Duration.ofMillis(50) : newFor, FAILING_IMAGE.equals(image));
        ObjectNode answer = JSON.objectNode();
        answer.set("droplet", render(d));
        ObjectNode link = JSON.objectNode().put("id", a.id).put("rel", "create").put("href", "/v2/actions/" + a.id);
        answer.set("links", JSON.objectNode().set("actions", JSON.arrayNode().add(link)));
        return answer;
    }

    synchronized ObjectNode get(long id) {
        FakeDroplet d = advance(droplets.get(id));
        return d == null ? null : render(d);
    }

    synchronized List<ObjectNode> tagged(String tag) {
        List<ObjectNode> out = new ArrayList<>();
        for (FakeDroplet d : droplets.values()) if (tag == null || d.tags.contains(tag)) out.add(render(advance(d)));
        return out;
    }

    synchronized boolean delete(long id) {
        return droplets.remove(id) != null;
    }

    synchronized void deleteTagged(String tag) {
        droplets.values().removeIf(d -> d.tags.contains(tag));
    }

    synchronized boolean deleteTag(String tag) {
        if (!tags.remove(tag)) return false;
        droplets.values().forEach(d -> d.tags.remove(tag));
        return true;
    }

    /** Starts an action on a droplet; null when there is no such droplet. */
    synchronized ObjectNode act(long id, String type) {
        FakeDroplet d = advance(droplets.get(id));
        if (d == null) return null;
        long now = System.nanoTime();
        switch (type) {
            case "power_on" -> { d.pending = "active"; d.pendingAt = now + actionTakes.toNanos(); }
            case "power_off" -> { d.pending = "off"; d.pendingAt = now + actionTakes.toNanos(); }
            case "shutdown" -> { if (!ignoreShutdown) { d.pending = "off"; d.pendingAt = now + actionTakes.toNanos(); } }
            case "reboot" -> { }
            default -> throw new IllegalArgumentException(type);
        }
        return renderAction(action(type, id, actionTakes, false));
    }

    synchronized ObjectNode action(long id) {
        FakeAction a = actions.get(id);
        return a == null ? null : renderAction(a);
    }

    /** Every droplet and tag that names the system: what a cleanup must leave empty. */
    synchronized List<String> traces(String systemId) {
        String tag = "ops-system-" + systemId;
        List<String> out = new ArrayList<>();
        for (FakeDroplet d : droplets.values()) if (d.tags.contains(tag)) out.add("droplet " + d.id + " " + d.status);
        if (tags.contains(tag)) out.add("tag " + tag);
        return out;
    }

    synchronized int count() {
        return droplets.size();
    }

    /** Droplets per system tag, to see that none was made twice. */
    synchronized Map<String, Integer> perSystem() {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (FakeDroplet d : droplets.values()) {
            for (String t : d.tags) if (t.startsWith("ops-system-")) out.merge(t, 1, Integer::sum);
        }
        return out;
    }

    synchronized String userData(String systemId) {
        return droplets.values().stream().filter(d -> d.tags.contains("ops-system-" + systemId)).map(d -> d.userData)
                .findFirst().orElse(null);
    }

    private FakeAction action(String type, long dropletId, Duration takes, boolean errors) {
        FakeAction a = new FakeAction(ids.incrementAndGet() * 7, type, dropletId, System.nanoTime() + takes.toNanos(), errors);
        actions.put(a.id(), a);
        return a;
    }

    private FakeDroplet advance(FakeDroplet d) {
        if (d == null) return null;
        long now = System.nanoTime();
        if ("new".equals(d.status) && !FAILING_IMAGE.equals(d.image) && now - (d.createdAt + newFor.toNanos()) >= 0) {
            d.status = "active";
            d.statusSince = d.createdAt + newFor.toNanos();
        }
        if (d.ip == null && "active".equals(d.status) && now - (d.statusSince + addressAfter.toNanos()) >= 0) {
            d.ip = "203.0.113." + (d.id % 250 + 1);
        }
        if (d.pending != null && now - d.pendingAt >= 0) {
            d.status = d.pending;
            d.pending = null;
        }
        return d;
    }

    private ObjectNode render(FakeDroplet d) {
        ObjectNode n = JSON.objectNode();
        n.put("id", d.id).put("name", d.name).put("memory", 1024).put("vcpus", 1).put("disk", 25).put("locked", false)
                .put("status", d.status).put("created_at", "2026-12-02T01:00:00Z").put("size_slug", d.size);
        ArrayNode v4 = JSON.arrayNode();
        if (d.ip != null) {
            v4.add(JSON.objectNode().put("ip_address", "10.116.0." + (d.id % 250 + 1)).put("netmask", "255.255.240.0")
                    .put("gateway", "10.116.0.1").put("type", "private"));
            v4.add(JSON.objectNode().put("ip_address", d.ip).put("netmask", "255.255.255.0")
                    .put("gateway", "203.0.113.1").put("type", "public"));
        }
        ObjectNode networks = JSON.objectNode();
        networks.set("v4", v4);
        networks.set("v6", JSON.arrayNode());
        n.set("networks", networks);
        n.set("region", JSON.objectNode().put("slug", d.region).put("name", d.region));
        n.set("image", JSON.objectNode().put("slug", d.image));
        ArrayNode t = JSON.arrayNode();
        d.tags.forEach(t::add);
        n.set("tags", t);
        return n;
    }

    private ObjectNode renderAction(FakeAction a) {
        ObjectNode n = JSON.objectNode();
        n.put("id", a.id()).put("status", a.status(System.nanoTime())).put("type", a.type())
                .put("started_at", "2026-12-02T01:00:00Z").put("resource_id", a.dropletId()).put("resource_type", "droplet");
        return JSON.objectNode().set("action", n);
    }
}
