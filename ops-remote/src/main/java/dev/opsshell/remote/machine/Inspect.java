package dev.opsshell.remote.machine;

import dev.opsshell.core.host.Hosts;
import dev.opsshell.core.pipeline.HostScript;
import dev.opsshell.core.result.HostValues;

import java.util.List;

/** Processes, accounts and listening ports of each host, one round trip per host, as typed values. */
public final class Inspect {
    private Inspect() {
    }

    public static HostValues<List<ProcessInfo>> processes(Hosts hosts, String name) {
        if (name.isBlank()) throw new IllegalArgumentException("name the process to look for");
        return HostValues.read(hosts.run(HostScript.of("processes " + name, h -> ProcessInfo.SCRIPT)),
                r -> ProcessInfo.matching(r.stdout(), name));
    }

    public static HostValues<Accounts> accounts(Hosts hosts) {
        return HostValues.read(hosts.run(HostScript.of("users and groups", h -> Accounts.SCRIPT)), r -> Accounts.parse(r.stdout()));
    }

    /** Listening ports; as root the owning process is named too. */
    public static HostValues<List<ListeningPort>> ports(Hosts hosts) {
        return HostValues.read(hosts.run(HostScript.of("listening ports", h -> ListeningPort.SCRIPT).privileged()),
                r -> ListeningPort.parse(r.stdout()));
    }
}
