package dev.opsshell.remote;

import dev.opsshell.core.fleet.Batch;
import dev.opsshell.core.fleet.ConvergePlan;
import dev.opsshell.core.fleet.Fleet;
import dev.opsshell.core.fleet.JobResults;
import dev.opsshell.core.fleet.Os;
import dev.opsshell.core.fleet.Systems;
import dev.opsshell.core.fleet.Template;
import dev.opsshell.core.job.JobStats;
import dev.opsshell.core.system.DriverSection;
import dev.opsshell.core.system.Machine;
import dev.opsshell.core.system.ProvisionStep;
import dev.opsshell.core.system.Size;
import dev.opsshell.core.system.Type;
import dev.opsshell.core.system.Volume;
import dev.opsshell.remote.fleet.JobList;
import dev.opsshell.remote.fleet.SessionFleet;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The systems vocabulary, preloaded by {@code import static dev.opsshell.remote.SystemsOps.*}:
 * <pre>{@code
 * create(kvm(), medium(), type("redis"), 3);
 * systems().typed("redis").stop().start();
 * systems().typed("redis").hosts().exec("redis-cli ping");
 * converge(Map.of(type("web"), 4, type("lb"), 1)).plan();
 * }</pre>
 */
public final class SystemsOps {
    private SystemsOps() {
    }

    // ---- presets that read as words

    /** The kvm driver on {@code OPS_KVM_URI}, else libvirt's built-in test hypervisor (no server needed). */
    public static DriverSection kvm() {
        String uri = System.getenv().getOrDefault("OPS_KVM_URI", "test:///default");
        return kvm(uri);
    }

    public static DriverSection kvm(String uri) {
        return DriverSection.of("kvm", Map.of("uri", uri));
    }

    /**
     * EC2 with everything from the environment: the region from the AWS SDK's chain (AWS_REGION,
     * ~/.aws/config) and the AMI from {@code OPS_AWS_IMAGE} (create refuses clearly without one).
     */
    public static DriverSection aws() {
        String image = System.getenv("OPS_AWS_IMAGE");
        return DriverSection.of("aws", image == null || image.isBlank() ? Map.of() : Map.of("image", image));
    }

    /**
     * EC2 in a region with an AMI: credentials, and the endpoint unless set here, come from the AWS
     * SDK's standard places (environment, ~/.aws/credentials and config); add key_name,
     * security_groups, subnet… with {@code .with(key, value)}.
     */
    public static DriverSection aws(String region, String image) {
        return DriverSection.of("aws", Map.of("region", region, "image", image));
    }

    /** An existing machine, woken by Wake-on-LAN and shut down over SSH. */
    public static DriverSection physical(String mac, String address) {
        return DriverSection.of("physical", Map.of("mac", mac, "address", address));
    }

    /**
     * DigitalOcean droplets (region nyc3, image debian-12-x64; change them with {@code .with("region", "ams3")});
     * the token comes from {@code DIGITALOCEAN_ACCESS_TOKEN} or {@code digitalocean.token} in ~/.ops/config.
     */
    public static DriverSection digitalocean() {
        return DriverSection.of("digitalocean", Map.of());
    }

    public static DriverSection digitalocean(String region) {
        return DriverSection.of("digitalocean", Map.of("region", region));
    }

    public static Size tiny() {
        return Size.TINY;
    }

    public static Size small() {
        return Size.SMALL;
    }

    public static Size medium() {
        return Size.MEDIUM;
    }

    public static Size large() {
        return Size.LARGE;
    }

    public static Size xlarge() {
        return Size.XLARGE;
    }

    public static Os debian() {
        return Os.DEBIAN_12;
    }

    public static Os ubuntu() {
        return Os.UBUNTU_24;
    }

    public static Volume volume(String name, int sizeGb) {
        return new Volume(name, sizeGb);
    }

    /** The stored type of that name, or a new empty one (saved when first used to create). */
    public static Type type(String name) {
        return SessionFleet.current().store().type(name).orElseGet(() -> Type.named(name));
    }

    /** Saves a type (its plan, description, provisioning user) for later sessions. */
    public static Type define(Type type) {
        SessionFleet.current().store().save(type);
        return type;
    }

    public static ProvisionStep command(String line) {
        return new ProvisionStep.Command(line);
    }

    public static ProvisionStep script(String localPath) {
        return new ProvisionStep.Script(localPath);
    }

    public static ProvisionStep recipe(String jshPath) {
        return new ProvisionStep.Recipe(jshPath);
    }

    public static ProvisionStep put(String localPath, String remotePath) {
        return new ProvisionStep.Upload(localPath, remotePath);
    }

    // ---- systems and jobs

    /** Every system in the store; echoes as a table. */
    public static Systems systems() {
        return SessionFleet.current().systems();
    }

    /** The system whose id starts with {@code prefix} (unique, as git matches ids). */
    public static Machine system(String prefix) {
        return SessionFleet.current().store().resolve(prefix);
    }

    /**
     * Creates systems from presets read by kind: a driver, a size, a type, an OS, volumes, tags
     * (strings) and a count ({@code create(kvm(), medium(), type("redis"), 3)}); waits for them.
     */
    public static JobResults create(Object... presets) {
        int count = 1;
        List<Object> rest = new ArrayList<>();
        for (Object p : presets) {
            if (p instanceof Integer n) count = n;
            else rest.add(p);
        }
        return SessionFleet.current().create(Template.of(rest.toArray()), count);
    }

    /**
     * Records a machine that exists already, reading its state from its driver:
     * {@code add("rack-7", physical("52:54:00:12:34:56", "10.0.0.7").with("user", "ops"), type("db"))}.
     */
    public static Machine add(String hostname, Object... presets) {
        return SessionFleet.current().add(hostname, Template.of(presets));
    }

    public static List<Type> types() {
        return SessionFleet.current().store().types();
    }

    /** The last 20 jobs, newest first. */
    public static JobList jobs() {
        return jobs(20);
    }

    /** The last {@code limit} jobs, newest first, as a table (still a list of records). */
    public static JobList jobs(int limit) {
        Fleet fleet = SessionFleet.current();
        Map<String, Machine> machines = new java.util.HashMap<>();
        fleet.store().machines().forEach(m -> machines.put(m.id(), m));
        return new JobList(fleet.jobs(limit), machines, fleet.queue().events()::step);
    }

    public static JobStats stats() {
        return SessionFleet.current().stats();
    }

    /**
     * Stops a job that has not ended, or every such job of a batch (the id a wait stopped by
     * Ctrl-C names); says what happened to each.
     */
    public static String cancel(String id) {
        Fleet fleet = SessionFleet.current();
        if (fleet.store().job(id).isEmpty() && !fleet.store().batch(id).isEmpty()) {
            List<String> said = new Batch(fleet, id).cancel();
            return said.isEmpty() ? "every job of batch " + id + " had already ended" : String.join("\n", said);
        }
        return fleet.queue().cancel(id);
    }

    /**
     * Reads back every system from its driver (flagging the missing), and imports machines that
     * the store does not know from every connection in use and the default kvm one.
     */
    public static JobResults sync() {
        return SessionFleet.current().syncAll(kvm());
    }

    public static JobResults sync(DriverSection section) {
        return SessionFleet.current().sync(section);
    }

    /** What converging to these counts per type would do, on the default kvm driver at small size; {@code .apply()} does it. */
    public static ConvergePlan converge(Map<Type, Integer> wanted) {
        return converge(Template.of(kvm(), small()), wanted);
    }

    public static ConvergePlan converge(Template template, Map<Type, Integer> wanted) {
        return SessionFleet.current().plan(template, byName(wanted));
    }

    private static Map<Type, Integer> byName(Map<Type, Integer> wanted) {
        Map<Type, Integer> sorted = new java.util.LinkedHashMap<>();
        wanted.entrySet().stream().sorted(Map.Entry.comparingByKey(java.util.Comparator.comparing(Type::name)))
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }
}
