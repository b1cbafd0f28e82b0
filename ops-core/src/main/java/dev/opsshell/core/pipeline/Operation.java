package dev.opsshell.core.pipeline;

import dev.opsshell.core.host.Hosts;
import dev.opsshell.core.result.Results;

/**
 * Anything that runs on a group of hosts and returns every host's result. Built-ins such as
 * {@code exec("uptime")} are operations, and so is a lambda or method written at the prompt:
 * <pre>{@code
 * Operation diskFree = h -> h.exec("df -h /");
 * hosts("web").run(diskFree).pretty();
 * }</pre>
 * In a pipeline an operation runs on the stage's hosts and its results become the stage's results.
 */
@FunctionalInterface
public interface Operation extends Step {

    Results run(Hosts hosts);

    @Override
    default Stage apply(Stage stage) {
        Results next = stage.hosts().run(this);
        return new Stage(next.hosts(), next);
    }
}
