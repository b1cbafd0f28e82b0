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
 * {@code ops keys hub|list|accept NAME [--fingerprint FP]|reject NAME|delete NAME}: the hub's key
 * store, as salt-key manages minion keys. Works on the files under {@code ~/.ops/hub} (or
 * {@code --key-dir}, before or after the subcommand and its name); a running hub sees the change at
 * the agent's next heartbeat. Every key is shown with its fingerprint, which the agent logs on start.
 */
@Command(name = "keys", mixinStandardHelpOptions = true,
        description = "Show the hub's public key and manage agent keys (accepted, pending, rejected).",
        subcommands = {KeysCommand.HubKey.class, KeysCommand.ListKeys.class, KeysCommand.Accept.class,
                KeysCommand.Reject.class, KeysCommand.Delete.class})
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
            System.out.println(verb + " " + e.name() + " (" + e.state().name().toLowerCase(java.util.Locale.ROOT) + ") "
                    + e.fingerprint() + " key " + e.key());
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
                        .forEach(e -> System.out.println("  " + e.name() + "  " + e.fingerprint() + "  key " + e.key()));
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "accept", description = "Accept a pending (or rejected) key: that agent may register.")
    static final class Accept implements Callable<Integer> {
        @ParentCommand
        KeysCommand keys;

        @Parameters(paramLabel = "NAME", description = "The name the key is filed under (`ops keys list`).")
        String name;

        @Option(names = "--fingerprint", paramLabel = "FP",
                description = "Accept only if the key filed under NAME has this fingerprint (SHA256:…, as the agent logs it).")
        String fingerprint;

        @Override
        public Integer call() {
            return change("accepted", () -> new KeyStore(keys.dir()).accept(name, fingerprint));
        }
    }

    @Command(name = "reject", description = "Reject a key: its holder is refused at the handshake.")
    static final class Reject implements Callable<Integer> {
        @ParentCommand
        KeysCommand keys;

        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        public Integer call() {
            return change("rejected", () -> new KeyStore(keys.dir()).reject(name));
        }
    }

    @Command(name = "delete", description = "Forget a key; its holder shows up as pending if it connects again.")
    static final class Delete implements Callable<Integer> {
        @ParentCommand
        KeysCommand keys;

        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        public Integer call() {
            return change("deleted", () -> new KeyStore(keys.dir()).delete(name));
        }
    }
}
