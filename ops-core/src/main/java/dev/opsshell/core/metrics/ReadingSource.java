package dev.opsshell.core.metrics;

import dev.opsshell.core.host.Host;
import dev.opsshell.core.host.Hosts;
import dev.opsshell.core.result.Result;

import java.util.List;
import java.util.Set;

/**
 * Where a host's readings come from in one round trip: the /proc script through the host's
 * transport ({@link ScriptReadings}, any transport), or an agent's own sampler. {@code twice} asks
 * for two readings a moment apart (the host's first round).
 */
public interface ReadingSource {
    Fetched fetch(Hosts hosts, Host host, Set<Family> families, boolean twice);

    /** The host's result (ok, or why there is nothing) and its readings, oldest first (none on a problem). */
    record Fetched(Result result, List<Reading> readings) {
        public Fetched {
            readings = List.copyOf(readings);
        }
    }
}
