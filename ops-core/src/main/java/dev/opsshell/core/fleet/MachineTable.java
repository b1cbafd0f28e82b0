package dev.opsshell.core.fleet;

import dev.opsshell.core.system.Machine;
import dev.opsshell.core.text.Columns;

import java.util.List;
import java.util.function.Predicate;

/** The systems table: id, hostname, ip, type, os, driver, state and whether the agent is connected. */
final class MachineTable {
    private MachineTable() {
    }

    static String render(List<Machine> machines, Predicate<Machine> agentConnected) {
        if (machines.isEmpty()) return "no systems (create(kvm(), small(), type(\"web\"), 2) makes two)";
        String[] head = {"id", "hostname", "ip", "type", "os", "driver", "state", "agent"};
        List<String[]> rows = new java.util.ArrayList<>();
        rows.add(head);
        for (Machine m : machines) {
            rows.add(new String[]{m.id(), m.fqdn(), orDash(m.ip()), orDash(m.type()), orDash(m.os()), m.driver().kind(),
                    m.state().word() + (m.error() == null ? "" : " !"), agentConnected.test(m) ? "✔" : "✗"});
        }
        StringBuilder out = new StringBuilder(Columns.render(rows));
        long failed = machines.stream().filter(m -> m.error() != null).count();
        out.append(machines.size()).append(" system(s)");
        if (failed > 0) out.append(", ").append(failed).append(" with an error (!): systems().where(m -> m.error() != null)");
        return out.toString();
    }

    private static String orDash(String s) {
        return s == null || s.isBlank() ? "-" : s;
    }
}
