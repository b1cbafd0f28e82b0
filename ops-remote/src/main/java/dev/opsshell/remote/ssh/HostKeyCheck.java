package dev.opsshell.remote.ssh;

import net.schmizz.sshj.transport.verification.HostKeyVerifier;

import java.security.PublicKey;
import java.util.List;

/**
 * Verifies the key one connection's server presents against known_hosts, and remembers why it
 * refused, so the host's result can say so. With {@code acceptNew}, an unknown key is added to the
 * file; a changed key is refused whatever the option. One instance per connection attempt.
 */
final class HostKeyCheck implements HostKeyVerifier {
    private final KnownHosts knownHosts;
    private final boolean acceptNew;
    private volatile String refusal;
    private volatile boolean unknown;

    HostKeyCheck(KnownHosts knownHosts, boolean acceptNew) {
        this.knownHosts = knownHosts;
        this.acceptNew = acceptNew;
    }

    @Override
    public boolean verify(String host, int port, PublicKey key) {
        synchronized (knownHosts) { // check and add as one step, so a key is appended once
            return decide(host, port, key);
        }
    }

    private boolean decide(String host, int port, PublicKey key) {
        String entry = KnownHosts.entryName(host, port);
        String file = knownHosts.file().toString();
        switch (knownHosts.check(host, port, key)) {
            case KNOWN:
                return true;
            case UNKNOWN:
                if (acceptNew) {
                    knownHosts.add(host, port, key);
                    return true;
                }
                refusal = "the host key of " + Endpoint.hostPort(host, port) + " (" + KnownHosts.fingerprint(key)
                        + ") is not in " + file + ". Check the fingerprint, then accept it";
                unknown = true;
                return false;
            default:
                refusal = "WARNING: THE HOST KEY OF " + host + ":" + port + " HAS CHANGED: it now presents "
                        + KnownHosts.fingerprint(key) + ", which differs from the key for " + entry + " in " + file
                        + ". Someone may be intercepting the connection, or the host was reinstalled. Not accepted"
                        + " (accept-new never replaces a key). If the change is expected, remove the old key with "
                        + "`ssh-keygen -R '" + entry + "' -f " + file + "` and connect again";
                return false;
        }
    }

    @Override
    public List<String> findExistingAlgorithms(String host, int port) {
        return knownHosts.algorithms(host, port);
    }

    /** Why the key was refused, or null if it was not. */
    String refusal() {
        return refusal;
    }

    /** True when the refused key was unknown (not changed): accepting it is the fix. */
    boolean unknown() {
        return unknown;
    }
}
