package dev.opsshell.core.schedule;

import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * The kinds of stored action this process knows: those on the class path ({@link ServiceLoader}
 * of {@link ActionKind}) and any {@link #register}ed. To add one: implement {@link ActionKind} and
 * name the class in {@code META-INF/services/dev.opsshell.core.schedule.ActionKind} of its module.
 */
public final class ActionKinds {
    private static final Map<String, ActionKind> KINDS = new TreeMap<>();
    private static boolean loaded;

    private ActionKinds() {
    }

    public static synchronized void register(ActionKind kind) {
        load();
        KINDS.put(kind.name(), kind);
    }

    public static synchronized ActionKind of(String name) {
        load();
        ActionKind k = KINDS.get(name);
        if (k == null) {
            throw new IllegalArgumentException("no stored action of kind '" + name + "' here; known kinds: "
                    + String.join(", ", usages()));
        }
        return k;
    }

    /** Checks {@code action} against its kind: a clear error for an unknown kind or bad arguments. */
    public static StoredAction check(StoredAction action) {
        of(action.kind()).check(action.args());
        return action;
    }

    /** The kinds' names, sorted ({@code sample}, {@code script}, …). */
    public static synchronized List<String> names() {
        load();
        return List.copyOf(KINDS.keySet());
    }

    public static synchronized List<String> usages() {
        load();
        return KINDS.values().stream().map(ActionKind::usage).toList();
    }

    private static void load() {
        if (loaded) return;
        loaded = true;
        for (ActionKind k : ServiceLoader.load(ActionKind.class, ActionKinds.class.getClassLoader())) KINDS.putIfAbsent(k.name(), k);
    }
}
