package dev.opsshell.remote.machine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A host's users and groups, as getent lists them (local files, and LDAP and the like where configured). */
public record Accounts(List<User> users, List<Group> groups) {
    static final String SCRIPT = "getent passwd; echo @@ops:groups; getent group\n";

    public record User(String name, int uid, int gid, String home, String shell) {
        @Override
        public String toString() {
            return name + "(" + uid + ")";
        }
    }

    public record Group(String name, int gid, List<String> members) {
        @Override
        public String toString() {
            return name + "(" + gid + ")" + (members.isEmpty() ? "" : members);
        }
    }

    public Accounts {
        users = List.copyOf(users);
        groups = List.copyOf(groups);
    }

    public java.util.Optional<User> user(String name) {
        return users.stream().filter(u -> u.name().equals(name)).findFirst();
    }

    public java.util.Optional<Group> group(String name) {
        return groups.stream().filter(g -> g.name().equals(name)).findFirst();
    }

    /** True when {@code user} is listed as a member of {@code group} or has it as primary group. */
    public boolean inGroup(String user, String group) {
        var g = group(group);
        var u = user(user);
        return g.isPresent() && (g.get().members().contains(user) || u.isPresent() && u.get().gid() == g.get().gid());
    }

    static Accounts parse(String output) {
        List<User> users = new ArrayList<>();
        List<Group> groups = new ArrayList<>();
        boolean inGroups = false;
        for (String line : output.split("\n")) {
            if (line.equals("@@ops:groups")) {
                inGroups = true;
                continue;
            }
            String[] p = line.split(":", -1);
            if (!inGroups && p.length >= 7 && p[2].matches("\\d+") && p[3].matches("\\d+")) {
                users.add(new User(p[0], Integer.parseInt(p[2]), Integer.parseInt(p[3]), p[5], p[6]));
            } else if (inGroups && p.length >= 4 && p[2].matches("\\d+")) {
                groups.add(new Group(p[0], Integer.parseInt(p[2]), p[3].isEmpty() ? List.of() : Arrays.asList(p[3].split(","))));
            }
        }
        return new Accounts(users, groups);
    }

    @Override
    public String toString() {
        return users.size() + " users, " + groups.size() + " groups";
    }
}
