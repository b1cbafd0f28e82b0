package dev.opsshell.remote.driver.digitalocean;

import java.time.Duration;

/**
 * How often the driver polls and how long it waits: for a new droplet to be active with an address,
 * and for an action (power on, power off, reboot) to take effect. Tests use shorter polls.
 */
record Timing(Duration poll, Duration createWait, Duration actionWait) {
    static final Timing DEFAULT = new Timing(Duration.ofSeconds(2), Duration.ofMinutes(10), Duration.ofMinutes(5));

    /** How long a new listing waits for other callers to share it: a quarter poll, at most 250 ms. */
    Duration batchWindow() {
        Duration quarter = poll.dividedBy(4);
        return quarter.compareTo(Duration.ofMillis(250)) > 0 ? Duration.ofMillis(250) : quarter;
    }

    /** Polls of a new droplet between looks at its create action while it stays {@code new}. */
    int pollsBeforeActionCheck() {
        return 10;
    }
}
