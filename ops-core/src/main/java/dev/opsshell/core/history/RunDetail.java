package dev.opsshell.core.history;

import java.util.List;
import java.util.Objects;

/**
 * One recorded run with every host's outcome and output: what {@code history().get(id)} and
 * {@code ops history show ID} show. {@link #rerun()} runs it again on the same target,
 * {@link #rerunFailed()} on the hosts that did not end ok.
 */
public record RunDetail(RunRecord run, List<HostRecord> hosts) {
    public RunDetail {
        Objects.requireNonNull(run, "run");
        hosts = List.copyOf(hosts);
    }

    public List<HostRecord> failedHosts() {
        return hosts.stream().filter(h -> !h.ok()).toList();
    }

    /** Runs the same operation on the same target now (resolved again from the inventory). */
    public dev.opsshell.core.result.Results rerun() {
        return Rerun.of(this, false);
    }

    /** Runs the same operation again on only the hosts that failed. */
    public dev.opsshell.core.result.Results rerunFailed() {
        return Rerun.of(this, true);
    }

    @Override
    public String toString() {
        return RunText.detail(this);
    }
}
