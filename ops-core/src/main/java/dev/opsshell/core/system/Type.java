package dev.opsshell.core.system;

import java.util.List;

/**
 * What a machine is for: a name ({@code redis}), a description, the plan that provisions it and
 * the user (and private key file, a path: never the key itself) to provision with.
 */
public record Type(String name, String description, List<ProvisionStep> plan, String user, String keyPath) {
    public Type {
        if (name == null || !name.matches("[a-z][a-z0-9-]{0,39}")) {
            throw new IllegalArgumentException("a type name is a lower-case word (a-z, 0-9, -), got: " + name);
        }
        plan = List.copyOf(plan == null ? List.of() : plan);
        if (description == null) description = "";
    }

    public static Type named(String name) {
        return new Type(name, "", List.of(), null, null);
    }

    public Type describedAs(String text) {
        return new Type(name, text, plan, user, keyPath);
    }

    public Type then(ProvisionStep step) {
        var next = new java.util.ArrayList<>(plan);
        next.add(step);
        return new Type(name, description, next, user, keyPath);
    }

    public Type provisionAs(String newUser, String newKeyPath) {
        return new Type(name, description, plan, newUser, newKeyPath);
    }

    @Override
    public String toString() {
        return name + (description.isEmpty() ? "" : " (" + description + ")") + ", " + plan.size() + " step(s)";
    }
}
