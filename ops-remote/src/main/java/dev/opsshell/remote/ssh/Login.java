package dev.opsshell.remote.ssh;

import dev.opsshell.remote.ssh.Keys.Loaded;
import net.schmizz.sshj.userauth.method.AuthMethod;
import net.schmizz.sshj.userauth.method.AuthPassword;
import net.schmizz.sshj.userauth.method.AuthPublickey;
import net.schmizz.sshj.userauth.password.PasswordFinder;
import net.schmizz.sshj.userauth.password.Resource;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The credentials for logging in to one target, gathered before connecting, in OpenSSH's order
 * ({@link KeyPlan}): the ssh-agent's keys, then key files that open without a passphrase, then the
 * inventory password. Key files that need a passphrase wait until those are refused
 * ({@link #unlockLocked()}), unless nothing else is there to try: then they are unlocked at once,
 * before connecting, so a prompt never eats into the connect timeout. An agent that cannot be
 * reached is left out with a note, never a failure. Holds the agent connection until closed; one
 * login at a time.
 */
final class Login implements AutoCloseable {
    private final Keys keys;
    private final String hostPort;
    private final AgentClient agent;
    private final List<AgentKey> agentKeys;
    private final List<String> filesTried = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private final List<AuthMethod> methods = new ArrayList<>();
    private final String password;
    private List<Path> locked;

    private Login(Keys keys, Target target, AgentClient agent, List<AgentKey> agentKeys, List<String> notes) {
        this.keys = keys;
        this.hostPort = target.endpoint().hostPort();
        this.agent = agent;
        this.password = target.password();
        KeyPlan plan = KeyPlan.of(target.keys(), agentKeys, target.identitiesOnly(), PublicKeyFile::blob);
        this.agentKeys = plan.agentKeys();
        problems.addAll(notes);
        this.agentKeys.forEach(k -> methods.add(new AgentAuth(agent, k)));
        Loaded ready = keys.loadWithoutAsking(plan.files(), hostPort);
        add(ready);
        locked = ready.locked();
        if (methods.isEmpty() && !locked.isEmpty()) unlockLocked(); // nothing else to try: ask now
        if (password != null) methods.add(new AuthPassword(new FixedPassword(password)));
    }

    /** Lists the agent's keys (within {@code timeout}) and loads the key files that need no passphrase. */
    static Login prepare(Keys keys, Target target, Duration timeout) {
        if (target.agent() == null) return new Login(keys, target, null, List.of(), List.of());
        AgentClient agent = null;
        try {
            agent = AgentClient.open(target.agent(), timeout);
            List<AgentKey> held = agent.identities();
            List<String> notes = held.isEmpty() ? List.of("the ssh-agent at " + target.agent() + " holds no keys")
                    : List.of();
            return new Login(keys, target, agent, held, notes);
        } catch (IOException | RuntimeException e) {
            if (agent != null) agent.close();
            return new Login(keys, target, null, List.of(), List.of("the ssh-agent at " + target.agent()
                    + " (SSH_AUTH_SOCK or IdentityAgent) was not used: " + Failures.describe(e)));
        }
    }

    /** The methods to try, in order. */
    List<AuthMethod> methods() {
        return List.copyOf(methods);
    }

    /**
     * Unlocks the key files left locked (asking for their passphrases) and returns the methods for
     * those that opened, to try after the first ones were refused; empty when there are none.
     */
    List<AuthMethod> unlockLocked() {
        if (locked.isEmpty()) return List.of();
        Loaded opened = keys.load(locked, hostPort);
        locked = List.of();
        int before = methods.size();
        add(opened);
        return List.copyOf(methods.subList(before, methods.size()));
    }

    private void add(Loaded loaded) {
        loaded.providers().forEach(k -> methods.add(new AuthPublickey(k)));
        filesTried.addAll(loaded.files());
        problems.addAll(loaded.problems());
    }

    /** What was offered: {@code agent keys …, keys …}, or {@code no keys}. */
    String tried() {
        List<String> parts = new ArrayList<>();
        if (!agentKeys.isEmpty()) parts.add("agent keys " + String.join(", ", agentKeys.stream().map(AgentKey::toString).toList()));
        if (!filesTried.isEmpty()) parts.add("keys " + String.join(", ", filesTried));
        return parts.isEmpty() ? "no keys" : String.join(" and ", parts);
    }

    /** Why some keys could not be offered (a file that did not open, an agent that did not answer). */
    List<String> problems() {
        return List.copyOf(problems);
    }

    @Override
    public void close() {
        if (agent != null) agent.close();
    }

    /** A password from the inventory, handed to sshj once. */
    private record FixedPassword(String password) implements PasswordFinder {
        @Override
        public char[] reqPassword(Resource<?> resource) {
            return password.toCharArray();
        }

        @Override
        public boolean shouldRetry(Resource<?> resource) {
            return false;
        }

        @Override
        public String toString() {
            return "password(****)";
        }
    }
}
