package dev.opsshell.core.system;

/**
 * Where a managed machine is in its life, as the store last knew it. {@code MISSING} is a record
 * whose machine the driver no longer has (deleted behind the store's back, or a test hypervisor
 * that ended with its process); {@code FAILED} is a job that could not finish, with the error on
 * the machine's record. The last two appear only in transitions: a destroyed machine's record
 * is removed, and {@code FORGOTTEN} is a record cleared while its machine was left alone.
 */
public enum MachineState {
    NEW, CREATING, RUNNING, STOPPED, FAILED, MISSING, DESTROYED, FORGOTTEN;

    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
