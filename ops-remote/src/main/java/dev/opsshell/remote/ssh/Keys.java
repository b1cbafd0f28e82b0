package dev.opsshell.remote.ssh;

import dev.opsshell.core.result.Outcome;
import dev.opsshell.core.transport.Prompter;
import net.schmizz.sshj.Config;
import net.schmizz.sshj.common.Factory;
import net.schmizz.sshj.userauth.keyprovider.FileKeyProvider;
import net.schmizz.sshj.userauth.keyprovider.KeyFormat;
import net.schmizz.sshj.userauth.keyprovider.KeyPairWrapper;
import net.schmizz.sshj.userauth.keyprovider.KeyProvider;
import net.schmizz.sshj.userauth.keyprovider.KeyProviderUtil;
import net.schmizz.sshj.userauth.password.PasswordFinder;
import net.schmizz.sshj.userauth.password.Resource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The client's private keys, read once per session and kept in memory: a passphrase-protected key
 * is unlocked by asking the operator once through the session's {@link Prompter}; the passphrase
 * itself is wiped right after. Without a prompter (scripts, CI) such a key fails the host with a
 * message instead of waiting for input. Thread-safe; concurrent hosts wait for one prompt.
 */
final class Keys {
    private final Config config;
    private final Supplier<Prompter> prompter;
    private final Map<Path, KeyPair> unlocked = new ConcurrentHashMap<>();
    private final Map<Path, Object> locks = new ConcurrentHashMap<>();

    /** Failures are remembered this long, so one fan-out does not ask for the same passphrase per host. */
    private static final long REMEMBER_FAILURE_MS = 30_000;
    private final Map<Path, Failed> failed = new ConcurrentHashMap<>();

    private record Failed(SshFailure failure, long at) {
    }

    /**
     * The keys ready to offer, the files they came from, why other files could not be used, and the
     * files left {@code locked} because they need a passphrase that was not asked for.
     */
    record Loaded(List<KeyProvider> providers, List<String> files, List<String> problems, List<Path> locked) {
        Loaded {
            providers = List.copyOf(providers);
            files = List.copyOf(files);
            problems = List.copyOf(problems);
            locked = List.copyOf(locked);
        }
    }

    Keys(Config config, Supplier<Prompter> prompter) {
        this.config = config;
        this.prompter = prompter;
    }

    /** Loads every file it can, in order, asking for passphrases; files that cannot be used are listed in {@code problems}. */
    Loaded load(List<Path> files, String hostPort) {
        return load(files, hostPort, true);
    }

    /**
     * Loads the files that need no passphrase now (no passphrase, or unlocked earlier in this
     * session) and leaves the others in {@code locked}, asking nothing: OpenSSH asks for a key's
     * passphrase only when the keys before it were refused.
     */
    Loaded loadWithoutAsking(List<Path> files, String hostPort) {
        return load(files, hostPort, false);
    }

    private Loaded load(List<Path> files, String hostPort, boolean mayAsk) {
        List<KeyProvider> providers = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<Path> locked = new ArrayList<>();
        for (Path file : files) {
            try {
                providers.add(new KeyPairWrapper(unlock(file, hostPort, mayAsk)));
                names.add(file.toString());
            } catch (Locked l) {
                locked.add(file);
            } catch (SshFailure f) {
                problems.add(f.getMessage());
            }
        }
        return new Loaded(providers, names, problems, locked);
    }

    /** A key that needs a passphrase while asking was not allowed; nothing is remembered about it. */
    private static final class Locked extends RuntimeException {
        Locked() {
            super(null, null, false, false);
        }
    }

    private KeyPair unlock(Path file, String hostPort, boolean mayAsk) {
        KeyPair cached = unlocked.get(file);
        if (cached != null) return cached;
        synchronized (locks.computeIfAbsent(file, f -> new Object())) {
            cached = unlocked.get(file);
            if (cached != null) return cached;
            Failed before = failed.get(file);
            if (before != null && System.currentTimeMillis() - before.at() < REMEMBER_FAILURE_MS) throw before.failure();
            try {
                KeyPair pair = read(file, hostPort, mayAsk);
                unlocked.put(file, pair);
                failed.remove(file);
                return pair;
            } catch (SshFailure f) {
                failed.put(file, new Failed(f, System.currentTimeMillis()));
                throw f;
            }
        }
    }

    private KeyPair read(Path file, String hostPort, boolean mayAsk) {
        if (!Files.isRegularFile(file)) {
            throw new SshFailure(Outcome.AUTH_FAILED, "key file " + file + " does not exist;"
                    + " fix ansible_ssh_private_key_file or IdentityFile in ~/.ssh/config");
        }
        Ask ask = new Ask(file, mayAsk);
        try {
            try {
                return parse(file, ask);
            } catch (IOException | RuntimeException e) {
                if (e instanceof SshFailure || !BouncyCastle.wouldHelp(e)) throw e;
                BouncyCastle.ensure(); // an ECDSA key; the passphrase, if any, is not asked again
                return parse(file, ask);
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof SshFailure f) throw f;
            if (ask.asked && !ask.mayAsk) throw new Locked();
            if (ask.asked && !ask.answered) {
                throw new SshFailure(Outcome.AUTH_FAILED, "key " + file + " needs a passphrase and there is no terminal"
                        + " to ask on; run in the interactive shell, or use a key without a passphrase", e);
            }
            if (ask.asked) {
                throw new SshFailure(Outcome.AUTH_FAILED, "wrong passphrase for key " + file
                        + "; the next command will ask again", e);
            }
            throw new SshFailure(Outcome.AUTH_FAILED, "cannot read key " + file + ": " + e.getMessage(), e);
        } finally {
            ask.wipe();
        }
    }

    private KeyPair parse(Path file, Ask ask) throws IOException {
        if (Files.size(file) < 64 * 1024) {
            KeyPair plain = PlainEd25519Key.read(Files.readString(file, StandardCharsets.US_ASCII));
            if (plain != null) return plain;
        }
        KeyFormat format = KeyProviderUtil.detectKeyFileFormat(file.toFile());
        FileKeyProvider provider = Factory.Named.Util.create(config.getFileKeyProviderFactories(), format.toString());
        if (provider == null) {
            throw new SshFailure(Outcome.AUTH_FAILED, "key file " + file + " is not a private key sshj can read ("
                    + format + "); use an OpenSSH, PEM or PuTTY private key");
        }
        provider.init(file.toFile(), ask);
        return new KeyPair(provider.getPublic(), provider.getPrivate());
    }

    /** Asks for one key's passphrase at most once, and wipes it when done. */
    private final class Ask implements PasswordFinder {
        private final Path file;
        private final boolean mayAsk;
        private boolean asked;
        private boolean answered;
        private char[] secret;

        Ask(Path file, boolean mayAsk) {
            this.file = file;
            this.mayAsk = mayAsk;
        }

        @Override
        public char[] reqPassword(Resource<?> resource) {
            if (!mayAsk) {
                asked = true;
                throw new Locked(); // stop here: no key derivation for a passphrase we do not have
            }
            if (!asked) {
                asked = true;
                Optional<char[]> answer = prompter.get().secret("Passphrase for key " + file + ": ");
                answered = answer.isPresent();
                secret = answer.orElse(null);
            }
            return secret == null ? null : secret.clone();
        }

        @Override
        public boolean shouldRetry(Resource<?> resource) {
            return false;
        }

        void wipe() {
            if (secret != null) Arrays.fill(secret, '\0');
        }
    }
}
