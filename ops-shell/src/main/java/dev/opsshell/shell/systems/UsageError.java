package dev.opsshell.shell.systems;

/** A command line that cannot be carried out as written (an unknown id, a missing --force): exit 2. */
final class UsageError extends RuntimeException {
    UsageError(String message) {
        super(message);
    }
}
