package dev.opsshell.core.inventory;

import dev.opsshell.core.host.Host;

import java.util.List;
import java.util.Map;

/**
 * Ansible's connection variables and how they map onto {@link Host}: {@code ansible_host} is the
 * address, {@code ansible_port} the port, {@code ansible_user} the login user (the older
 * {@code ansible_ssh_host}, {@code ansible_ssh_port}, {@code ansible_ssh_user} are read when the
 * new names are absent). Every variable, these included, stays in {@link Host#vars()}.
 */
final class HostVars {
    private HostVars() {
    }

    static Host toHost(String name, Map<String, String> vars, List<String> groups) {
        String address = first(vars, "ansible_host", "ansible_ssh_host");
        String port = first(vars, "ansible_port", "ansible_ssh_port");
        String user = first(vars, "ansible_user", "ansible_ssh_user");
        return new Host(name, address, port == null ? 0 : Integer.parseInt(port.strip()), user, vars, groups);
    }

    private static String first(Map<String, String> vars, String key, String legacy) {
        String v = vars.get(key);
        if (v == null) v = vars.get(legacy);
        return v == null || v.isBlank() ? null : v.strip();
    }
}
