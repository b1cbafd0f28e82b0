package dev.opsshell.core.driver;

import dev.opsshell.core.system.MachineState;

/** What a driver says a machine is doing now. {@code ABSENT}: the driver has no such machine. */
public enum InstanceState {
    PENDING, RUNNING, STOPPING, STOPPED, ABSENT;

    /** The record's state this reads back as (pending counts as creating). */
    public MachineState asMachineState() {
        return switch (this) {
            case PENDING -> MachineState.CREATING;
            case RUNNING -> MachineState.RUNNING;
            case STOPPING, STOPPED -> MachineState.STOPPED;
            case ABSENT -> MachineState.MISSING;
        };
    }
}
