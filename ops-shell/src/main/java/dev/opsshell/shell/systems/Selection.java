package dev.opsshell.shell.systems;

import dev.opsshell.core.fleet.Fleet;
import dev.opsshell.core.fleet.Systems;
import dev.opsshell.core.store.StoreException;
import dev.opsshell.core.system.MachineState;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which systems a command acts on: ids (unique first characters do, as git matches ids) and
 * filters, all of which must hold. A job needs at least one of them, or {@code --all}, so a
 * forgotten argument never stops every machine.
 */
final class Selection {
    @Parameters(paramLabel = "ID", arity = "0..*", description = "System ids, or first characters that only one id starts with.")
    List<String> ids = new ArrayList<>();

    @Option(names = "--type", paramLabel = "TYPE", description = "Only systems of this type.")
    String type;

    @Option(names = "--state", paramLabel = "STATE", description = "Only systems in this state (running, stopped, failed, missing, …).")
    String state;

    @Option(names = "--tag", paramLabel = "TAG", description = "Only systems with this tag.")
    String tag;

    @Option(names = "--name", paramLabel = "GLOB", description = "Only systems whose hostname matches (web-*).")
    String name;

    @Option(names = "--all", description = "Every system (a job needs ids, a filter or this).")
    boolean all;

    boolean narrowed() {
        return !ids.isEmpty() || type != null || state != null || tag != null || name != null;
    }

    /** The systems chosen; for a job ({@code verb} non-null) something must have been chosen. */
    Systems select(Fleet fleet, String verb) {
        if (verb != null && !narrowed() && !all) {
            throw new UsageError(verb + ": say which systems: ids (their first characters do), --type T, --state S, --tag T,"
                    + " --name GLOB, or --all");
        }
        Systems chosen = fleet.systems();
        if (!ids.isEmpty()) {
            Set<String> wanted = new HashSet<>();
            for (String prefix : ids) {
                try {
                    wanted.add(fleet.store().resolve(prefix).id());
                } catch (StoreException e) {
                    throw new UsageError(e.getMessage().replace("`systems()` lists them", "`ops systems list` lists them"));
                }
            }
            chosen = chosen.where(m -> wanted.contains(m.id()));
        }
        if (type != null) chosen = chosen.typed(type);
        if (state != null) chosen = chosen.in(state(state));
        if (tag != null) chosen = chosen.tagged(tag);
        if (name != null) chosen = chosen.named(name);
        return chosen;
    }

    private static MachineState state(String word) {
        try {
            return MachineState.valueOf(word.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UsageError("no state '" + word + "'; the states are "
                    + Arrays.stream(MachineState.values()).map(MachineState::word).toList());
        }
    }
}
