package dev.opsshell.core.job;

import dev.opsshell.core.driver.JobContext;
import dev.opsshell.core.system.Machine;
import dev.opsshell.core.system.Type;

/**
 * Runs a type's provisioning plan on a machine. Core knows none of the transports that do it;
 * ops-remote supplies the one that runs steps over SSH or the agent.
 */
public interface Provisioner {
    void provision(Machine machine, Type type, JobContext job);

    Provisioner NONE = (machine, type, job) -> {
        throw new IllegalStateException("no provisioner in this process: provisioning runs from the ops shell");
    };
}
