package dev.opsshell.core.job;

/** A job found its system held by another job: the queue tries it again shortly. */
final class SystemBusy extends RuntimeException {
    SystemBusy(String systemId, String holder) {
        super("system " + systemId + " is being worked on by job " + holder + "; waiting for it", null, false, false);
    }
}
