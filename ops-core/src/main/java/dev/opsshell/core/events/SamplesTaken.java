package dev.opsshell.core.events;

import dev.opsshell.core.metrics.Sample;

import java.util.List;

/** One sampling round's samples (any hosts, any metrics), already stored. Thresholds watch these. */
public record SamplesTaken(List<Sample> samples) {
    public SamplesTaken {
        samples = List.copyOf(samples);
    }
}
