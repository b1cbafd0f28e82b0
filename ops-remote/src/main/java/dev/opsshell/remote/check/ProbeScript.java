package dev.opsshell.remote.check;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every check for a host compiled into one shell script, so all of them cost one round trip: one
 * probe per distinct subject, each printing its section after a header line {@code @@NONCE n}
 * (blobs {@code @@NONCE n.name}). The nonce is random per run, so no probed file or command
 * output can forge a header.
 */
final class ProbeScript {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String nonce;
    private final List<Subject> subjects;
    private final String text;

    private ProbeScript(String nonce, List<Subject> subjects, String text) {
        this.nonce = nonce;
        this.subjects = subjects;
        this.text = text;
    }

    static ProbeScript compile(List<Check> checks) {
        Map<Subject, Set<String>> wanted = new LinkedHashMap<>();
        for (Check c : checks) {
            if (!c.skip()) wanted.computeIfAbsent(c.subject(), k -> new LinkedHashSet<>()).add(c.attribute());
        }
        byte[] b = new byte[8];
        RANDOM.nextBytes(b);
        String nonce = HexFormat.of().formatHex(b);
        StringBuilder s = new StringBuilder()
                .append("N=").append(nonce).append("; T=\n")
                // a temp dir only for probes that keep output (command, http): mktemp and rm are two processes
                .append("tmp() { [ -n \"$T\" ] && return; T=$(mktemp -d 2>/dev/null) || { T=/tmp/ops-check.$$; mkdir -p \"$T\"; };")
                .append(" trap 'rm -rf \"$T\"' EXIT; }\n")
                .append("v() { printf '%s=%s\\n' \"$1\" \"$2\"; }\n")
                .append("b() { printf '\\n@@%s %s.%s\\n' \"$N\" \"$S\" \"$1\"; }\n");
        List<Subject> subjects = new ArrayList<>(wanted.keySet());
        for (int i = 0; i < subjects.size(); i++) {
            Subject subject = subjects.get(i);
            s.append("S=").append(i).append("; printf '\\n@@%s %s\\n' \"$N\" \"$S\"; { ")
                    .append(Probes.probe(subject, wanted.get(subject))).append("; } 2>/dev/null\n");
        }
        s.append("printf '\\n@@%s end\\n' \"$N\"; exit 0\n");
        return new ProbeScript(nonce, subjects, s.toString());
    }

    String text() {
        return text;
    }

    /**
     * The command line that runs the script: through /bin/sh whatever the user's login shell is,
     * since dash runs it about twice as fast as bash (which also reads /proc a byte at a time).
     */
    String commandLine() {
        return "exec /bin/sh -c " + dev.opsshell.remote.Quote.shell(text);
    }

    List<Subject> subjects() {
        return subjects;
    }

    /**
     * What each subject's probe printed; a subject with no section (the script was cut short) is
     * missing from the map.
     */
    Map<Subject, Section> parse(String stdout) {
        String out = "\n" + stdout;
        String marker = "\n@@" + nonce + " ";
        Map<String, String> raw = new HashMap<>();
        int at = out.indexOf(marker);
        while (at >= 0) {
            int nameEnd = out.indexOf('\n', at + marker.length());
            if (nameEnd < 0) break;
            String name = out.substring(at + marker.length(), nameEnd);
            int next = out.indexOf(marker, nameEnd);
            raw.put(name, out.substring(nameEnd + 1, next < 0 ? out.length() : next));
            at = next;
        }
        Map<Subject, Section> sections = new LinkedHashMap<>();
        if (!raw.containsKey("end")) return sections; // cut short: say nothing rather than something wrong
        for (int i = 0; i < subjects.size(); i++) {
            String body = raw.get(String.valueOf(i));
            if (body == null) continue;
            Map<String, List<String>> values = new LinkedHashMap<>();
            for (String line : body.split("\n")) {
                int eq = line.indexOf('=');
                if (eq > 0) values.computeIfAbsent(line.substring(0, eq), k -> new ArrayList<>()).add(line.substring(eq + 1));
            }
            Map<String, String> blobs = new HashMap<>();
            String prefix = i + ".";
            raw.forEach((k, v) -> {
                if (k.startsWith(prefix)) blobs.put(k.substring(prefix.length()), v);
            });
            sections.put(subjects.get(i), new Section(values, blobs));
        }
        return sections;
    }

    /** One probe's output: {@code key=value} lines (a key may repeat) and named blobs of text. */
    record Section(Map<String, List<String>> values, Map<String, String> blobs) {
        String first(String key) {
            List<String> l = values.get(key);
            return l == null || l.isEmpty() ? null : l.get(0);
        }

        List<String> all(String key) {
            return values.getOrDefault(key, List.of());
        }
    }
}
