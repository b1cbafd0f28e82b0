package dev.opsshell.core.driver;

/**
 * A machine as its driver sees it: the driver's own reference (domain name, instance id), the
 * system id ops tagged it with (empty for machines ops did not make), its name, state and address
 * (empty when not known).
 */
public record Instance(String ref, String systemId, String name, InstanceState state, String ip) {
    public static Instance absent(String ref) {
        return new Instance(ref, null, null, InstanceState.ABSENT, null);
    }

    public boolean exists() {
        return state != InstanceState.ABSENT;
    }
}
