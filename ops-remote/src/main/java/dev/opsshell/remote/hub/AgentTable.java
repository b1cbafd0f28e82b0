package dev.opsshell.remote.hub;

import dev.opsshell.agent.protocol.KeyFingerprint;
import dev.opsshell.core.text.Columns;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The agents a hub knows, as the shell shows them: name, state, address, since, last heartbeat,
 * os, version and key fingerprint (to compare with the one the agent logs before
 * {@code acceptAgent(name, fingerprint)}) — one row each. {@code agents()} at the prompt echoes this table.
 *
 * @param hub  where the hub listens
 * @param list the agents, by name
 */
public record AgentTable(String hub, List<AgentInfo> list) {

    public AgentTable {
        list = List.copyOf(list);
    }

    /** The names of the connected agents. */
    public List<String> connected() {
        return list.stream().filter(AgentInfo::connected).map(AgentInfo::name).toList();
    }

    public List<String> pending() {
        return list.stream().filter(a -> AgentInfo.PENDING.equals(a.state())).map(AgentInfo::name).toList();
    }

    @Override
    public String toString() {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"AGENT", "STATE", "ADDRESS", "SINCE", "HEARTBEAT", "OS", "VERSION", "KEY"});
        for (AgentInfo a : list) {
            rows.add(new String[] {a.name(), a.state(), orDash(a.address()),
                    a.since() == null ? "-" : a.since().toString().replaceAll("\\.\\d+Z$", "Z"),
                    a.lastHeartbeat() == null ? "-" : ago(a.lastHeartbeat()),
                    a.facts().getOrDefault("os", "-"), orDash(a.version()), fingerprint(a.key())});
        }
        StringBuilder s = new StringBuilder(Columns.render(rows));
        long up = list.stream().filter(AgentInfo::connected).count();
        s.append(up).append(" connected, ").append(pending().size()).append(" pending, ")
                .append(list.size() - up - pending().size()).append(" other; hub ").append(hub);
        return s.toString();
    }

    private static String fingerprint(String key) {
        try {
            return key == null ? "-" : KeyFingerprint.of(key);
        } catch (IllegalArgumentException e) {
            return "-"; // a row from an older hub without a usable key
        }
    }

    private static String orDash(String s) {
        return s == null || s.isBlank() ? "-" : s;
    }

    private static String ago(Instant t) {
        long ms = Duration.between(t, Instant.now()).toMillis();
        return ms < 1000 ? ms + " ms ago" : ms / 1000 + " s ago";
    }
}
