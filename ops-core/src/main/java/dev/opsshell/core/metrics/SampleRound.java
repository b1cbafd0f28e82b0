package dev.opsshell.core.metrics;

import dev.opsshell.core.result.Results;

/**
 * What one sampling round gave: the samples of every host that answered, and every host's result
 * (a host that could not be read says why there; one that answered without some part, such as a
 * container without /proc/diskstats, says so on its stderr).
 */
public record SampleRound(Samples samples, Results results) {
    /** The hosts that were read, as results to go on from: {@code sample(web, cpu()).successful().exec(…)}. */
    public Results successful() {
        return results.successful();
    }

    /** The hosts that could not be read, with why. */
    public Results failed() {
        return results.failed();
    }

    /** The samples as a table, then the hosts that gave none or not all, with why. */
    public String pretty() {
        StringBuilder s = new StringBuilder(samples.table());
        results.forEach(r -> {
            if (!r.ok()) s.append("✗ ").append(r.host().name()).append(": ").append(r.summary().strip()).append('\n');
            else if (!r.stderr().isBlank()) s.append("! ").append(r.host().name()).append(": ")
                    .append(r.stderr().strip().replace("\n", "; ")).append('\n');
        });
        return s.toString();
    }

    @Override
    public String toString() {
        return pretty();
    }
}
