package dev.opsshell.remote.schedule;

import dev.opsshell.core.Session;
import dev.opsshell.core.metrics.Family;
import dev.opsshell.core.schedule.ActionKind;
import dev.opsshell.core.schedule.ScheduledWork;
import dev.opsshell.remote.MetricsOps;

import java.util.List;

/**
 * The stored action {@code sample PATTERN [FAMILY…]}: one sampling round on the hosts the pattern
 * selects ({@code sample(hosts(PATTERN), families)}; every family when none is named), stored and
 * published as {@code SamplesTaken}, so thresholds notify; hosts that could not be sampled fail the run.
 */
public final class SampleAction implements ActionKind {
    @Override
    public String name() {
        return "sample";
    }

    @Override
    public String usage() {
        return "sample PATTERN [FAMILY…]";
    }

    @Override
    public void check(List<String> args) {
        if (args.isEmpty() || args.get(0).isBlank()) {
            throw new IllegalArgumentException("a sample schedule takes a host pattern and the families to sample (none: all),"
                    + " e.g. action(\"sample\", \"web\", \"cpu\", \"disk\") or `ops schedule add NAME --every 1m sample web cpu disk`");
        }
        families(args);
    }

    @Override
    public ScheduledWork work(List<String> args) {
        return () -> MetricsOps.sample(Session.current().inventory().select(args.get(0)), families(args)).results();
    }

    private static Family[] families(List<String> args) {
        return args.subList(1, args.size()).stream().map(Family::of).toArray(Family[]::new);
    }
}
