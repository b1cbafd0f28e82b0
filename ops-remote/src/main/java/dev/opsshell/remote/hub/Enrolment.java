package dev.opsshell.remote.hub;

/**
 * What the key store did with a key that asked to be filed as pending under a name
 * ({@link KeyStore#addPending}). Only {@link Filed} and {@link Known} let the peer in (as pending,
 * or under the name its key already has); the others are refusals the hub logs and counts.
 */
public sealed interface Enrolment {

    /** The key was new and is now pending under the name it asked for. */
    record Filed(KeyStore.Entry entry) implements Enrolment { }

    /** The key was already filed (in any state); its name is the one the store has, whatever it asked for. */
    record Known(KeyStore.Entry entry) implements Enrolment { }

    /** The name is held by another key: a name never takes a key's place. */
    record NameTaken(String name, String key, KeyStore.Entry holder) implements Enrolment { }

    /** The pending area holds {@code limit} keys already; new unknown keys wait until the operator clears it. */
    record Full(int limit) implements Enrolment { }
}
