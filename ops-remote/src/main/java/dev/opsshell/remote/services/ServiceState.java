package dev.opsshell.remote.services;

/**
 * A service on one host: which init system runs it ({@code systemd}, {@code sysv}, {@code openrc}),
 * whether it is running, and whether it starts at boot ({@code null}: the host cannot tell).
 */
public record ServiceState(String name, String via, boolean running, Boolean enabled) {

    static ServiceState parse(String name, String output) {
        String via = "unknown";
        boolean running = false;
        Boolean enabled = null;
        for (String line : output.split("\n")) {
            if (line.startsWith("via=")) via = line.substring(4).strip();
            if (line.startsWith("running=")) running = line.endsWith("yes");
            if (line.startsWith("enabled=")) enabled = line.endsWith("yes") ? Boolean.TRUE : line.endsWith("no") ? Boolean.FALSE : null;
        }
        return new ServiceState(name, via, running, enabled);
    }

    @Override
    public String toString() {
        return name + " " + (running ? "running" : "stopped") + ", "
                + (enabled == null ? "enabled unknown" : enabled ? "enabled" : "disabled") + " (" + via + ")";
    }
}
