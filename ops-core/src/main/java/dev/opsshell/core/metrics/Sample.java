package dev.opsshell.core.metrics;

import java.time.Instant;
import java.util.Objects;

/**
 * One typed value of one host at one time: {@code cpu/user = 12.5} (percent), {@code disk/used_pct
 * = 71} for label {@code /var} (the mount), {@code net/rx_bytes_per_s} for label {@code eth0}.
 *
 * @param host   the host's inventory name
 * @param metric the family: cpu, load, memory, swap, disk, diskio, net, entropy
 * @param field  what is measured within the family (user, system, idle, iowait, 1m, used_pct, …)
 * @param label  the mount, device or interface it is about; empty when the family has none
 * @param value  the number, in the unit the field's name says
 * @param at     when it was read on the host
 */
public record Sample(String host, String metric, String field, String label, double value, Instant at) {
    public Sample {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(field, "field");
        label = label == null ? "" : label;
        Objects.requireNonNull(at, "at");
    }
}
