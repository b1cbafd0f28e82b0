package dev.opsshell.remote.driver.aws;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * EC2's instances in memory and what real EC2 does to a client: ClientToken idempotency,
 * eventual consistency (a new instance unknown to DescribeInstances for its first N describes),
 * instances pending for a while (or for ever), capacity errors, unknown key pairs and security
 * groups, an image whose instances terminate at launch, a guest that ignores a graceful stop.
 * The knobs are set by tests; every answer is EC2's own shape ({@link Ec2Endpoint}).
 */
final class FakeEc2 {
    final Map<String, FakeInstance> instances = new LinkedHashMap<>();
    final Map<String, String> byToken = new HashMap<>();
    final Set<String> keyPairs = ConcurrentHashMap.newKeySet();
    final Set<String> groups = ConcurrentHashMap.newKeySet();
    final AtomicInteger runs = new AtomicInteger();
    volatile int invisibleFor;
    volatile int pendingFor;
    volatile boolean noCapacity;
    volatile String failingImage = "ami-fails-at-boot";
    volatile boolean ignoresShutdown;

    FakeEc2() {
        keyPairs.add("ops-key");
        groups.add("default");
        groups.add("sg-0ops");
    }

    synchronized String run(Ec2Query q) {
        String image = q.get("ImageId");
        String type = q.get("InstanceType");
        String token = q.get("ClientToken");
        if (token != null && byToken.containsKey(token)) {
            FakeInstance earlier = instances.get(byToken.get(token));
            if (!earlier.image.equals(image) || !earlier.type.equals(type)) {
                throw new Ec2Fault(400, "IdempotentParameterMismatch", "The client token '" + token + "' was used with other parameters");
            }
            return Ec2Xml.response("RunInstances", Ec2Xml.reservation(earlier.reservationId, List.of(earlier)));
        }
        if (image == null || !image.startsWith("ami-")) throw new Ec2Fault(400, "InvalidAMIID.Malformed", "Invalid id: \"" + image + "\"");
        String key = q.get("KeyName");
        if (key != null && !keyPairs.contains(key)) throw new Ec2Fault(400, "InvalidKeyPair.NotFound", "The key pair '" + key + "' does not exist");
        List<String> gs = new ArrayList<>(q.list("SecurityGroupId"));
        gs.addAll(q.list("SecurityGroup"));
        for (String g : gs) {
            if (!groups.contains(g)) {
                throw new Ec2Fault(400, "InvalidGroup.NotFound", "The security group '" + g + "' does not exist in VPC 'vpc-0ops'");
            }
        }
        if (noCapacity) {
            throw new Ec2Fault(500, "InsufficientInstanceCapacity", "We currently do not have sufficient " + type
                    + " capacity in the Availability Zone you requested (us-east-1a). Our system will be working on provisioning"
                    + " additional capacity. You can currently get " + type + " capacity by not specifying an Availability Zone.");
        }
        int n = runs.incrementAndGet();
        String id = String.format("i-%017x", 0x0a5000000L + n);
        FakeInstance i = new FakeInstance(id, String.format("r-%017x", n), image, type, key, gs, token,
                new LinkedHashMap<>(q.instanceTags()), n, q.get("UserData"));
        i.invisibleFor = invisibleFor;
        i.pendingFor = pendingFor;
        i.failsAtBoot = image.equals(failingImage);
        i.ignoresShutdown = ignoresShutdown;
        instances.put(id, i);
        if (token != null) byToken.put(token, id);
        return Ec2Xml.response("RunInstances", Ec2Xml.reservation(i.reservationId, List.of(i)));
    }

    synchronized String describe(Ec2Query q) {
        List<String> ids = q.list("InstanceId");
        List<FakeInstance> found = new ArrayList<>();
        for (String id : ids) {
            FakeInstance i = instances.get(id);
            if (i == null || i.invisibleFor > 0) {
                if (i != null) i.invisibleFor--;
                throw Ec2Fault.notFound(id);
            }
            found.add(i);
        }
        if (ids.isEmpty()) {
            for (FakeInstance i : instances.values()) {
                if (i.invisibleFor > 0) i.invisibleFor--;
                else found.add(i);
            }
        }
        Map<String, List<String>> filters = q.filters();
        found.removeIf(i -> !matches(i, filters));
        StringBuilder b = new StringBuilder("<reservationSet>");
        for (FakeInstance i : found) {
            i.described();
            b.append("<item>").append(Ec2Xml.reservation(i.reservationId, List.of(i))).append("</item>");
        }
        return Ec2Xml.response("DescribeInstances", b.append("</reservationSet>").toString());
    }

    private static boolean matches(FakeInstance i, Map<String, List<String>> filters) {
        for (Map.Entry<String, List<String>> f : filters.entrySet()) {
            String value;
            if (f.getKey().startsWith("tag:")) value = i.tags.get(f.getKey().substring(4));
            else if (f.getKey().equals("instance-state-name")) value = i.state;
            else if (f.getKey().equals("instance-id")) value = i.id;
            else throw new Ec2Fault(400, "InvalidParameterValue", "The filter '" + f.getKey() + "' is invalid");
            if (value == null || !f.getValue().contains(value)) return false;
        }
        return true;
    }

    synchronized String change(Ec2Query q) {
        String action = q.action();
        StringBuilder b = new StringBuilder("<instancesSet>");
        for (String id : q.list("InstanceId")) {
            FakeInstance i = instances.get(id);
            if (i == null || i.invisibleFor > 0) throw Ec2Fault.notFound(id);
            String before = i.state;
            int code = i.code();
            switch (action) {
                case "StartInstances" -> {
                    if (before.equals("stopped")) i.state = "pending";
                    else if (!before.equals("running") && !before.equals("pending")) throw incorrect(i);
                }
                case "StopInstances" -> {
                    if (before.equals("terminated") || before.equals("pending")) throw incorrect(i);
                    if ("true".equals(q.get("Force"))) i.state = "stopped";
                    else if (before.equals("running")) i.state = "stopping";
                }
                case "TerminateInstances" -> i.state = "terminated";
                default -> throw new Ec2Fault(400, "InvalidAction", action);
            }
            b.append(Ec2Xml.stateChange(id, before, code, i));
        }
        return Ec2Xml.response(action, b.append("</instancesSet>").toString());
    }

    synchronized String reboot(Ec2Query q) {
        for (String id : q.list("InstanceId")) {
            FakeInstance i = instances.get(id);
            if (i == null || i.invisibleFor > 0) throw Ec2Fault.notFound(id);
            if (!i.state.equals("running")) throw incorrect(i);
        }
        return Ec2Xml.response("RebootInstances", "<return>true</return>");
    }

    private static Ec2Fault incorrect(FakeInstance i) {
        return new Ec2Fault(400, "IncorrectInstanceState", "The instance '" + i.id + "' is not in a state from which it can be changed (" + i.state + ")");
    }

    /** As an operator would by hand in the console. */
    synchronized void terminate(String id) {
        instances.get(id).state = "terminated";
    }

    /** Live instances (not terminated) tagged with this system id. */
    synchronized List<String> live(String systemId) {
        return instances.values().stream().filter(i -> systemId.equals(i.tags.get("ops:system-id")))
                .filter(i -> !i.state.equals("terminated")).map(i -> i.id + " " + i.state).toList();
    }

    synchronized List<FakeInstance> all() {
        return List.copyOf(instances.values());
    }
}
