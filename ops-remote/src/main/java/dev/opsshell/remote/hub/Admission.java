package dev.opsshell.remote.hub;

import dev.opsshell.agent.protocol.KeyFingerprint;
import dev.opsshell.agent.protocol.PeerText;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Who may connect to the hub and be filed as pending, as Salt's master decides for minions: a key
 * the {@link KeyStore} knows keeps its name; an unknown key asking for a name another key holds
 * (filed in any state, or connected now) is refused, logged with both fingerprints and counted,
 * and its later handshakes are refused at ZAP while the name stays taken; once the pending area is
 * full, unknown keys are refused at ZAP (the operator is told once each time it fills up). A name
 * that is not a safe file name is refused and logged in cleaned form. Used on the hub thread only;
 * the counters may be read from any thread.
 */
final class Admission {
    /** The ZAP refusal of a key the operator rejected (counted by the ZAP handler, not here). */
    static final String REJECTED = "key rejected";
    /** Refused keys remembered, so a flood of fresh keys costs a bounded amount of memory. */
    private static final int REMEMBERED = 10_000;

    private final KeyStore keys;
    private final HubLog log;
    private final Map<String, String> claims = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > REMEMBERED;
        }
    };
    private boolean toldFull;
    final AtomicLong takeovers = new AtomicLong();
    final AtomicLong pendingFull = new AtomicLong();
    final AtomicLong badNames = new AtomicLong();

    Admission(KeyStore keys, HubLog log) {
        this.keys = keys;
        this.log = log;
    }

    /** At the handshake (ZAP): why this CURVE key may not connect, or null when it may. */
    String refusal(String key) {
        Optional<KeyStore.Entry> known = keys.byKey(key);
        if (known.isPresent()) {
            claims.remove(key);
            return known.get().state() == KeyStore.State.REJECTED ? REJECTED : null;
        }
        String claimed = claims.get(key);
        if (claimed != null) {
            if (keys.byName(claimed).isPresent()) {
                takeovers.incrementAndGet();
                return "the name " + claimed + " belongs to another key";
            }
            claims.remove(key); // the operator freed the name: this key may ask for it again
        }
        if (keys.pendingCount() >= keys.maxPending()) {
            full();
            return "the pending area is full";
        }
        toldFull = false;
        return null;
    }

    /** Whether this key was refused a name and should hear nothing more on this connection. */
    boolean refused(String key) {
        return key != null && claims.containsKey(key);
    }

    /**
     * At registration, for a key the store has not accepted: the entry to welcome it as (pending),
     * or empty when it is refused (then counted and logged). {@code connectedKey} is the key of the
     * agent connected under that name right now, if any: a name's live connection is not given away
     * either, even when the operator has just deleted its key.
     */
    Optional<KeyStore.Entry> enrol(String name, String key, String address, String connectedKey) {
        String from = address == null ? "" : " from " + PeerText.clean(address, 64);
        if (connectedKey != null && !connectedKey.equals(key) && keys.byKey(key).isEmpty()) {
            String filed = keys.byName(name).filter(h -> h.key().equals(connectedKey))
                    .map(h -> h.state().name().toLowerCase(java.util.Locale.ROOT) + ", ").orElse("");
            return takeover(name, key, from, KeyFingerprint.of(connectedKey) + " (" + filed + "connected now)");
        }
        Enrolment result;
        try {
            result = keys.addPending(name, key);
        } catch (IllegalArgumentException e) {
            badNames.incrementAndGet();
            log.warn("bad-name", "refused key " + KeyFingerprint.of(key) + from + ": " + e.getMessage());
            return Optional.empty();
        }
        if (result instanceof Enrolment.Filed f) return Optional.of(f.entry());
        if (result instanceof Enrolment.Known k) return Optional.of(k.entry());
        if (result instanceof Enrolment.NameTaken t) {
            return takeover(name, key, from, t.holder().fingerprint() + " ("
                    + t.holder().state().name().toLowerCase(java.util.Locale.ROOT) + ")");
        }
        full();
        return Optional.empty();
    }

    private Optional<KeyStore.Entry> takeover(String name, String key, String from, String holder) {
        takeovers.incrementAndGet();
        if (!name.equals(claims.put(key, name))) {
            log.warn("takeover", "refused key " + KeyFingerprint.of(key) + from + ": it asked for the name '" + name
                    + "', which key " + holder + " holds; a name never replaces a key. If " + name + " was"
                    + " reinstalled with a new key, free the name first: `ops keys delete " + name + "`");
        }
        return Optional.empty();
    }

    private void full() {
        pendingFull.incrementAndGet();
        if (toldFull) return;
        toldFull = true;
        log.warn("pending-full", "the pending area holds " + keys.maxPending() + " keys, its limit: new unknown keys"
                + " are refused until some are accepted, rejected or deleted (`ops keys list`), or the limit is raised"
                + " (OPS_HUB_MAX_PENDING, `ops hub --max-pending N`)");
    }
}
