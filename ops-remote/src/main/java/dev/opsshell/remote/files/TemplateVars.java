package dev.opsshell.remote.files;

import dev.opsshell.core.facts.Facts;
import dev.opsshell.core.host.Host;

import java.util.HashMap;
import java.util.Map;

/**
 * What a template can name for a host: {@code inventory_hostname}, {@code address}, {@code user},
 * the host's inventory variables, the facts when gathered ({@code facts.os}, {@code facts.os_version},
 * {@code facts.kernel}, {@code facts.arch}, {@code facts.cpus}, {@code facts.memory_mb},
 * {@code facts.hostname}, {@code facts.address}), then the caller's own vars, which win.
 */
final class TemplateVars {
    private TemplateVars() {
    }

    static Map<String, String> of(Host host, Facts facts, Map<String, String> extra) {
        Map<String, String> v = new HashMap<>();
        v.put("inventory_hostname", host.name());
        v.put("address", host.address());
        v.put("user", host.user() == null ? "" : host.user());
        v.putAll(host.vars());
        if (facts != null) {
            v.put("facts.os", facts.os().id());
            v.put("facts.os_version", facts.os().version());
            v.put("facts.kernel", facts.kernel());
            v.put("facts.arch", facts.arch());
            v.put("facts.cpus", Integer.toString(facts.cpus()));
            v.put("facts.memory_mb", Long.toString(facts.memory().total() / (1024 * 1024)));
            v.put("facts.hostname", facts.hostname());
            v.put("facts.virtualisation", facts.virtualisation());
            facts.publicAddresses().stream().filter(a -> a.family().equals("inet")).findFirst()
                    .ifPresent(a -> v.put("facts.address", a.address()));
        }
        v.putAll(extra);
        return v;
    }
}
