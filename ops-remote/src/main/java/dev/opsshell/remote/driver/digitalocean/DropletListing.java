package dev.opsshell.remote.driver.digitalocean;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every droplet tagged {@code ops}, read page by page ({@code links.pages.next}) and shared: jobs
 * waiting at once for their droplets read one listing per poll between them instead of one GET
 * each, and a create looks for an earlier droplet of its system in the same listing. A listing
 * younger than what a caller asks for is reused. Thread-safe.
 */
final class DropletListing {
    private static final int PER_PAGE = 200;

    private final DigitalOceanApi api;
    private final Duration batchWindow;
    private Snapshot current;
    private boolean reading;

    DropletListing(DigitalOceanApi api, Duration batchWindow) {
        this.api = api;
        this.batchWindow = batchWindow;
    }

    /** Every listed droplet, from a listing begun no earlier than {@code notBeforeNanos} (System.nanoTime). */
    List<Droplet> all(long notBeforeNanos) {
        return fresh(notBeforeNanos).all;
    }

    /** The system's droplet in a listing begun no earlier than {@code notBeforeNanos}. */
    Optional<Droplet> ofSystem(String systemId, long notBeforeNanos) {
        return Optional.ofNullable(fresh(notBeforeNanos).bySystem.get(systemId));
    }

    /** Forget the listing (after a create or destroy changed what it would say). */
    synchronized void invalidate() {
        current = null;
    }

    private record Snapshot(List<Droplet> all, Map<String, Droplet> bySystem, long begunNanos) {
    }

    /**
     * A listing begun no earlier than asked: the current one, the one being read, or a new one. The
     * caller that starts a listing waits {@code batchWindow} first, so those asking meanwhile share it.
     */
    private Snapshot fresh(long notBeforeNanos) {
        synchronized (this) {
            while (true) {
                if (current != null && current.begunNanos - notBeforeNanos >= 0) return current;
                if (!reading) break;
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new dev.opsshell.core.driver.DriverException("interrupted", "digitalocean: interrupted while listing droplets", e);
                }
            }
            reading = true;
        }
        Snapshot read = null;
        try {
            DigitalOceanApi.pause(batchWindow);
            read = read();
            return read;
        } finally {
            synchronized (this) {
                reading = false;
                if (read != null) current = read;
                notifyAll();
            }
        }
    }

    private Snapshot read() {
        long begun = System.nanoTime();
        List<Droplet> found = new ArrayList<>();
        String next = "/v2/droplets?tag_name=" + Droplet.OPS_TAG + "&per_page=" + PER_PAGE;
        while (next != null) {
            JsonNode page = api.get(next);
            for (JsonNode d : page.path("droplets")) found.add(Droplet.of(d));
            JsonNode n = page.path("links").path("pages").path("next");
            next = n.isTextual() && !n.asText().isBlank() ? n.asText() : null;
        }
        Map<String, Droplet> bySystem = found.stream().filter(d -> d.systemId() != null)
                .collect(Collectors.toMap(Droplet::systemId, Function.identity(), (a, b) -> a));
        return new Snapshot(List.copyOf(found), bySystem, begun);
    }
}
