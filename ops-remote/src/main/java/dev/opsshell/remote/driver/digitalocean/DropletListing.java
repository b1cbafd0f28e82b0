package dev.opsshell.remote.driver.digitalocean;

import com.fasterxml.jackson.databind.JsonNode;

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
    private Map<String, Droplet> bySystem = Map.of();
    private List<Droplet> all = List.of();
    private long readAtNanos = Long.MIN_VALUE;
    private boolean read;

    DropletListing(DigitalOceanApi api) {
        this.api = api;
    }

    /** Every listed droplet, from a listing begun no earlier than {@code notBeforeNanos} (System.nanoTime). */
    synchronized List<Droplet> all(long notBeforeNanos) {
        refresh(notBeforeNanos);
        return all;
    }

    /** The system's droplet in a listing begun no earlier than {@code notBeforeNanos}. */
    synchronized Optional<Droplet> ofSystem(String systemId, long notBeforeNanos) {
        refresh(notBeforeNanos);
        return Optional.ofNullable(bySystem.get(systemId));
    }

    /** Forget the listing (after a create or destroy changed what it would say). */
    synchronized void invalidate() {
        read = false;
    }

    private void refresh(long notBeforeNanos) {
        if (read && readAtNanos - notBeforeNanos >= 0) return;
        long started = System.nanoTime();
        List<Droplet> found = new ArrayList<>();
        String next = "/v2/droplets?tag_name=" + Droplet.OPS_TAG + "&per_page=" + PER_PAGE;
        while (next != null) {
            JsonNode page = api.get(next);
            for (JsonNode d : page.path("droplets")) found.add(Droplet.of(d));
            JsonNode n = page.path("links").path("pages").path("next");
            next = n.isTextual() && !n.asText().isBlank() ? n.asText() : null;
        }
        all = List.copyOf(found);
        bySystem = found.stream().filter(d -> d.systemId() != null)
                .collect(Collectors.toMap(Droplet::systemId, Function.identity(), (a, b) -> a));
        readAtNanos = started;
        read = true;
    }
}
