package dev.opsshell.shell;

import dev.opsshell.remote.hub.HubConfig;
import dev.opsshell.remote.hub.HubDaemon;
import dev.opsshell.remote.hub.KeyStore;
import dev.opsshell.remote.hub.SessionHub;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code ops keys hub|list|accept NAME|reject NAME|delete NAME}: the hub's key store, as salt-key
 * manages minion keys. Works on the files under {@code ~/.ops/hub} (or {@code --key-dir}); a running
 * hub sees the change at the agent's next heartbeat.
 */
@Command(name = "keys", mixinStandardHelpOptions = true,
        description = "Show the hub's public key and manage agent keys (accepted, pending, rejected).",
        subcommands = {KeysCommand.HubKey.class, KeysCommand.ListKeys.class})
final class KeysCommand implements Callable<Integer> {

    @Option(names = "--key-dir", paramLabel = "DIR", scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "The hub's key directory (default $OPS_HUB_DIR, else ~/.ops/hub).")
    Path keyDir;

    @Override
    public Integer call() {
        System.err.println("ops keys: say what to do: hub, list, accept NAME, reject NAME or delete NAME");
        return ExitCodes.USAGE;
    }

    Path dir() {
        return keyDir != null ? keyDir : defaultKeyDir();
    }

    static Path defaultKeyDir() {
        String env = System.getenv("OPS_HUB_DIR");
        return env == null || env.isBlank() ? HubConfig.defaultKeyDir() : Path.of(env);
    }

    static int defaultPort() {
        String env = System.getenv("OPS_HUB_PORT");
        return env == null || env.isBlank() || env.equalsIgnoreCase("off") ? HubConfig.DEFAULT_PORT : SessionHub.port(env);
    }

    /** Runs a change on the key store, printing the entry or the reason it failed. */
    static int change(String verb, java.util.function.Supplier<KeyStore.Entry> action) {
        try {
            KeyStore.Entry e = action.get();
            System.out.println(verb + " " + e.name() + " (" + e.state().name().toLowerCase() + ") " + e.key());
            return ExitCodes.OK;
        } catch (IllegalArgumentException e) {
            System.err.println("ops keys: " + e.getMessage());
            return ExitCodes.USAGE;
        }
    }

    @Command(name = "hub", description = "Print the hub's public key (agents pin it with --hub-key).")
    static final class HubKey implements Callable<Integer> {
        @ParentCommand
        KeysCommand keys;

        @Override
        public Integer call() {
            System.out.println(HubDaemon.publicKey(keys.dir()));
            return ExitCodes.OK;
        }
    }

    @Command(name = "list", description = "List accepted, pending and rejected keys.")
    static final class ListKeys implements Callable<Integer> {
        @ParentCommand
        KeysCommand keys;

        @Override
        public Integer call() {
            var entries = new KeyStore(keys.dir()).list();
            for (KeyStore.State s : KeyStore.State.values()) {
                System.out.println(s.name().toLowerCase() + ":");
                entries.stream().filter(e -> e.state() == s)
                        .forEach(e -> System.out.println("  " + e.name() + "  " + e.key()));
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "accept", description = "Accept a pending (or rejected) key: that agent may register.")
    int accept(@Parameters(paramLabel = "NAME") String name) {
        return change("accepted", () -> new KeyStore(dir()).accept(name));
    }

    @Command(name = "reject", description = "Reject a key: its holder is refused at the handshake.")
    int reject(@Parameters(paramLabel = "NAME") String name) {
        return change("rejected", () -> new KeyStore(dir()).reject(name));
    }

    @Command(name = "delete", description = "Forget a key; its holder shows up as pending if it connects again.")
    int delete(@Parameters(paramLabel = "NAME") String name) {
        return change("deleted", () -> new KeyStore(dir()).delete(name));
    }
}
