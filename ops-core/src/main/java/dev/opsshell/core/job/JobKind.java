package dev.opsshell.core.job;

import java.util.Locale;

/** The lifecycle jobs. Destructive ones ask for confirmation at a terminal unless forced. */
public enum JobKind {
    CREATE, START, STOP, REBOOT, PROVISION, RELOAD, DESTROY, CLEAR, SYNC;

    public boolean destructive() {
        return this == DESTROY || this == RELOAD;
    }

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static JobKind of(String word) {
        try {
            return valueOf(word.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("no job kind '" + word + "'; the kinds are "
                    + java.util.Arrays.stream(values()).map(JobKind::word).toList());
        }
    }
}
