package dev.opsshell.remote.driver.digitalocean;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opsshell.core.driver.Driver;
import dev.opsshell.core.driver.DriverException;
import dev.opsshell.core.driver.Instance;
import dev.opsshell.core.driver.InstanceState;
import dev.opsshell.core.driver.JobContext;
import dev.opsshell.core.system.Machine;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Droplets on DigitalOcean through its REST API v2 ({@link DigitalOceanApi}). A machine's droplet
 * carries the tags {@code ops} and {@code ops-system-<id>}: create finds an earlier one by it, sync
 * lists by {@code ops}, destroy deletes by it. Power actions: {@code power_on}, a graceful
 * {@code shutdown} then {@code power_off} after the grace period, {@code reboot}.
 */
public final class DigitalOceanDriver implements Driver {
    private final DigitalOceanApi api;
    private final DropletListing listing;
    private final Timing timing;

    DigitalOceanDriver(URI base, DigitalOceanToken token, Timing timing) {
        this.api = new DigitalOceanApi(base, token);
        this.listing = new DropletListing(api, timing.batchWindow());
        this.timing = timing;
    }

    @Override
    public String kind() {
        return "digitalocean";
    }

    /** API calls made so far (for the benchmark). */
    long apiCalls() {
        return api.calls();
    }

    @Override
    public Instance create(Machine machine, JobContext job) {
        return new DropletCreate(api, listing, timing, machine, job).run();
    }

    @Override
    public void start(Machine machine, JobContext job) {
        Droplet d = existing(machine, "start");
        if ("active".equals(d.status())) return;
        job.step("powering on droplet " + d.id());
        action(d, "power_on");
        awaitStatus(machine, "active", timing.actionWait(), job, "start");
    }

    @Override
    public void stop(Machine machine, Duration graceful, JobContext job) {
        Droplet d = existing(machine, "stop");
        if ("off".equals(d.status())) return;
        job.step("shutting down droplet " + d.id());
        action(d, "shutdown");
        if (awaitStatus(machine, "off", graceful, job, null)) return;
        job.step("powering off droplet " + d.id() + " after " + graceful.toSeconds() + " s");
        action(d, "power_off");
        awaitStatus(machine, "off", timing.actionWait(), job, "stop");
    }

    @Override
    public void reboot(Machine machine, JobContext job) {
        Droplet d = existing(machine, "reboot");
        if (!"active".equals(d.status())) {
            throw new DriverException("reboot " + label(machine) + ": droplet " + d.id() + " is " + d.status() + "; start it");
        }
        job.step("rebooting droplet " + d.id());
        String id = action(d, "reboot");
        long deadline = System.nanoTime() + timing.actionWait().toNanos();
        while (System.nanoTime() - deadline < 0) {
            job.checkCancelled();
            String status = api.get("/v2/actions/" + id).path("action").path("status").asText();
            if ("completed".equals(status)) return;
            if ("errored".equals(status)) throw new DriverException("errored", "reboot " + label(machine) + ": the reboot action failed (errored)", null);
            DigitalOceanApi.pause(timing.poll());
        }
        throw new DriverException("reboot " + label(machine) + ": the reboot action did not complete in " + timing.actionWait().toSeconds() + " s");
    }

    @Override
    public Instance status(Machine machine) {
        return find(machine).map(Droplet::instance).orElse(Instance.absent(machine.ref()));
    }

    @Override
    public String address(Machine machine, Duration wait, JobContext job) {
        long deadline = System.nanoTime() + wait.toNanos();
        String last = "no droplet";
        while (true) {
            Optional<Droplet> d = find(machine);
            if (d.isPresent() && d.get().ip() != null) return d.get().ip();
            last = d.map(x -> "droplet " + x.id() + " is " + x.status() + " with no public IPv4").orElse(last);
            if (System.nanoTime() - deadline >= 0) break;
            job.checkCancelled();
            DigitalOceanApi.pause(timing.poll());
        }
        throw new DriverException("address of " + label(machine) + ": none after " + wait.toSeconds()
                + " s; tried the droplet's public IPv4 in the API at " + api.base() + " (" + last + ")");
    }

    @Override
    public void destroy(Machine machine, JobContext job) {
        job.step("deleting the droplets of " + machine.id());
        if (machine.ref() != null && !machine.ref().isBlank() && machine.ref().matches("\\d+")) {
            api.delete("/v2/droplets/" + machine.ref());
        }
        SystemTag.removeAll(api, machine.id());
        listing.invalidate();
    }

    @Override
    public List<Instance> list() {
        return listing.all(System.nanoTime()).stream().filter(d -> d.state() != InstanceState.ABSENT)
                .map(Droplet::instance).toList();
    }

    /** The machine's droplet: by its ref when it has one, else by its system tag. */
    Optional<Droplet> find(Machine machine) {
        String ref = machine.ref();
        if (ref != null && ref.matches("\\d+")) {
            try {
                Droplet d = Droplet.of(api.get("/v2/droplets/" + ref).path("droplet"));
                return d.state() == InstanceState.ABSENT ? Optional.empty() : Optional.of(d);
            } catch (DriverException e) {
                if ("not_found".equals(e.code())) return Optional.empty();
                throw e;
            }
        }
        if (ref != null && !ref.isBlank()) return Optional.empty(); // not a droplet id: nothing of DigitalOcean's
        JsonNode page = api.get("/v2/droplets?tag_name=" + Droplet.systemTag(machine.id()));
        for (JsonNode d : page.path("droplets")) {
            Droplet droplet = Droplet.of(d);
            if (droplet.state() != InstanceState.ABSENT) return Optional.of(droplet);
        }
        return Optional.empty();
    }

    private Droplet existing(Machine machine, String verb) {
        return find(machine).orElseThrow(() -> new DriverException("not_found", verb + " " + label(machine)
                + ": DigitalOcean has no droplet for it" + (machine.ref() == null ? "" : " (ref " + machine.ref() + ")")
                + "; create it or sync", null));
    }

    /** Posts a droplet action; returns the action's id. */
    private String action(Droplet d, String type) {
        return api.post("/v2/droplets/" + d.id() + "/actions", Map.of("type", type)).path("action").path("id").asText();
    }

    /** Polls the droplet until {@code status}; false when {@code wait} ran out (an error naming {@code verb} when given). */
    private boolean awaitStatus(Machine machine, String status, Duration wait, JobContext job, String verb) {
        long deadline = System.nanoTime() + wait.toNanos();
        String last = "?";
        do {
            job.checkCancelled();
            Optional<Droplet> d = find(machine);
            if (d.isEmpty()) throw new DriverException("not_found", label(machine) + ": the droplet went away while waiting for it to be " + status, null);
            if (status.equals(d.get().status())) return true;
            last = d.get().status();
            DigitalOceanApi.pause(timing.poll());
        } while (System.nanoTime() - deadline < 0);
        if (verb == null) return false;
        throw new DriverException(verb + " " + label(machine) + ": the droplet is still " + last + " after "
                + wait.toSeconds() + " s (wanted " + status + ")");
    }

    private static String label(Machine m) {
        return m.hostname() + " (" + m.id() + ")";
    }
}
