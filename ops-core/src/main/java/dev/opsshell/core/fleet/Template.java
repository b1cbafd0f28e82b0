package dev.opsshell.core.fleet;

import dev.opsshell.core.system.DriverSection;
import dev.opsshell.core.system.Size;
import dev.opsshell.core.system.Type;
import dev.opsshell.core.system.Volume;

import java.util.List;
import java.util.Set;

/**
 * What new machines are made from: driver section, size, OS, type, extra volumes, user, domain and
 * tags. {@code create(kvm(), medium(), type("redis"), 3)} builds one from its arguments, read by
 * their kind as re-core did.
 */
public record Template(DriverSection driver, Size size, String os, Type type, List<Volume> volumes,
                       String user, String domain, Set<String> tags) {
    public Template {
        volumes = List.copyOf(volumes == null ? List.of() : volumes);
        tags = Set.copyOf(tags == null ? Set.of() : tags);
        if (size == null) size = Size.SMALL;
    }

    /**
     * Reads presets by their kind: a driver section, a size, a type, a volume, an {@link Os}, a
     * String (a tag, {@code "tag"}), in any order. A count is read by the caller.
     */
    public static Template of(Object... presets) {
        DriverSection driver = null;
        Size size = null;
        String os = null;
        Type type = null;
        List<Volume> volumes = new java.util.ArrayList<>();
        Set<String> tags = new java.util.TreeSet<>();
        String user = null;
        for (Object p : presets) {
            if (p instanceof DriverSection d) driver = d;
            else if (p instanceof Size s) size = s;
            else if (p instanceof Type t) type = t;
            else if (p instanceof Volume v) volumes.add(v);
            else if (p instanceof Os o) {
                os = o.name();
                if (o.user() != null) user = o.user();
            } else if (p instanceof String tag) tags.add(tag);
            else if (p != null) {
                throw new IllegalArgumentException("create() reads a driver (kvm()), a size (medium()), a type (type(\"web\")), "
                        + "a volume, an OS, a count or a tag; got " + p.getClass().getSimpleName() + ": " + p);
            }
        }
        if (driver == null) throw new IllegalArgumentException("create() needs a driver: kvm(), physical(…)");
        return new Template(driver, size, os, type, volumes, user, null, tags);
    }
}
