package dev.opsshell.remote.services;

import dev.opsshell.core.host.Hosts;
import dev.opsshell.core.pipeline.HostScript;
import dev.opsshell.core.result.HostValues;
import dev.opsshell.core.result.Results;

/**
 * Service operations, one round trip per host, as root: systemd where it is PID 1, SysV init
 * scripts or OpenRC where it is not.
 * <pre>{@code
 * hosts("web").run(restart("nginx"));
 * service(hosts("web"), "nginx").where(s -> !s.running()).hosts().run(start("nginx"));
 * }</pre>
 */
public final class Services {
    private Services() {
    }

    static HostScript verb(ServiceScript.Verb verb, String name) {
        String script = ServiceScript.build(verb, name);
        return HostScript.of(verb.word() + " " + name, h -> script).privileged();
    }

    public static HostScript start(String name) {
        return verb(ServiceScript.Verb.START, name);
    }

    public static HostScript stop(String name) {
        return verb(ServiceScript.Verb.STOP, name);
    }

    public static HostScript restart(String name) {
        return verb(ServiceScript.Verb.RESTART, name);
    }

    public static HostScript reload(String name) {
        return verb(ServiceScript.Verb.RELOAD, name);
    }

    public static HostScript enable(String name) {
        return verb(ServiceScript.Verb.ENABLE, name);
    }

    public static HostScript disable(String name) {
        return verb(ServiceScript.Verb.DISABLE, name);
    }

    /** The status script as an operation: its stdout is {@code via=…, running=…, enabled=…}. */
    public static HostScript status(String name) {
        return verb(ServiceScript.Verb.STATUS, name);
    }

    /** Each host's state of the service, read now. */
    public static HostValues<ServiceState> service(Hosts hosts, String name) {
        Results r = hosts.run(status(name));
        return HostValues.read(r, x -> ServiceState.parse(name, x.stdout()));
    }
}
