package dev.opsshell.remote.files;

import dev.opsshell.core.result.Result;

import java.util.function.Predicate;

/**
 * How file operations say what they did: their stdout's first line starts with {@code changed:} or
 * {@code unchanged:}, so a second run that finds everything in place reports no change, and
 * {@code pick(changed())} narrows a pipeline to the hosts where something moved (to restart a
 * service only there).
 */
public final class Change {
    public static final String CHANGED = "changed: ";
    public static final String UNCHANGED = "unchanged: ";

    private Change() {
    }

    /** Succeeded and changed something. */
    public static boolean changed(Result r) {
        return r.ok() && r.stdout().startsWith(CHANGED);
    }

    /** Succeeded and found everything already as asked. */
    public static boolean unchanged(Result r) {
        return r.ok() && r.stdout().startsWith(UNCHANGED);
    }

    public static Predicate<Result> isChanged() {
        return Change::changed;
    }

    public static Predicate<Result> isUnchanged() {
        return Change::unchanged;
    }
}
