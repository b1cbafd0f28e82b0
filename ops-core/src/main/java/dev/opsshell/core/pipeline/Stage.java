package dev.opsshell.core.pipeline;

import dev.opsshell.core.host.Hosts;
import dev.opsshell.core.result.Results;

import java.util.Objects;

/**
 * What flows between pipeline steps: the hosts the next step runs on and the results so far.
 * {@code pick(successful())} narrows the hosts and leaves the results as they were.
 */
public record Stage(Hosts hosts, Results results) {

    public Stage {
        Objects.requireNonNull(hosts, "hosts");
        Objects.requireNonNull(results, "results");
    }

    public static Stage of(Results results) {
        return new Stage(results.hosts(), results);
    }

    /** Runs steps in order, each on what the one before left. */
    public Stage then(Step... steps) {
        Stage s = this;
        for (Step step : steps) s = step.apply(s);
        return s;
    }

    @Override
    public String toString() {
        return results.toString();
    }
}
