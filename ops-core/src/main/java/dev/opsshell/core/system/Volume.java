package dev.opsshell.core.system;

/** An extra disk for a machine: a name unique within the machine and its size in GiB. */
public record Volume(String name, int sizeGb) {
    public Volume {
        if (name == null || !name.matches("[a-z0-9][a-z0-9_-]{0,31}")) {
            throw new IllegalArgumentException("a volume name is 1-32 of a-z 0-9 _ - (got " + name + ")");
        }
        if (sizeGb <= 0) throw new IllegalArgumentException("volume " + name + " needs a size above 0 GiB");
    }
}
