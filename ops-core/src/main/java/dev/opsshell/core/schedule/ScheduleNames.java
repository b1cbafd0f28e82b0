package dev.opsshell.core.schedule;

/** A schedule's name: what it is stopped and replaced by, shown in tables and history. */
public final class ScheduleNames {
    private ScheduleNames() {
    }

    /** Letters, digits, {@code . _ - :} and spaces inside, at most 100; else an error saying so. */
    public static String check(String name) {
        if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9._:\\- ]{0,99}") || name.endsWith(" ")) {
            throw new IllegalArgumentException("a schedule's name is letters, digits, '.', '_', '-', ':' and spaces"
                    + " (a letter or digit first, at most 100), got '" + name + "'; e.g. \"disk-check\"");
        }
        return name;
    }
}
