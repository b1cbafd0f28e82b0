package dev.opsshell.remote.machine;

import java.util.ArrayList;
import java.util.List;

/** A socket waiting for peers: tcp (listening) or udp (bound), the address it is on, its port and the process when known. */
public record ListeningPort(String protocol, String address, int port, String process) {

    /** {@code ss} where it is installed (iproute2), else netstat. */
    static final String SCRIPT = "if command -v ss >/dev/null 2>&1; then ss -Hlntup; else netstat -lntup; fi\n";

    /** True when it answers on every address ({@code 0.0.0.0}, {@code ::} or {@code *}). */
    public boolean onAllAddresses() {
        return address.equals("0.0.0.0") || address.equals("::") || address.equals("*");
    }

    static List<ListeningPort> parse(String output) {
        List<ListeningPort> out = new ArrayList<>();
        for (String line : output.split("\n")) {
            String[] p = line.strip().split("\\s+");
            if (p.length < 5) continue;
            if (!p[0].startsWith("tcp") && !p[0].startsWith("udp")) continue;
            boolean ss = !p[1].matches("\\d+"); // ss has the state second, netstat the receive queue
            boolean netstat = !ss;
            // ss: Netid State Recv-Q Send-Q Local Peer [users:(("name",pid=…))]; netstat: Proto Recv-Q Send-Q Local Foreign [State] [PID/name]
            String local = ss ? p[4] : p[3];
            int colon = local.lastIndexOf(':');
            if (colon < 0 || !local.substring(colon + 1).matches("\\d+")) continue;
            String address = local.substring(0, colon).replaceAll("%.*", "").replace("[", "").replace("]", "");
            String process = "";
            String last = p[p.length - 1];
            int q = last.indexOf("((\"");
            if (q >= 0) process = last.substring(q + 3, last.indexOf('"', q + 3));
            else if (netstat && last.matches("\\d+/.*")) process = last.substring(last.indexOf('/') + 1);
            out.add(new ListeningPort(p[0].startsWith("tcp") ? "tcp" : "udp", address, Integer.parseInt(local.substring(colon + 1)), process));
        }
        return out;
    }

    @Override
    public String toString() {
        return protocol + " " + (address.contains(":") ? "[" + address + "]" : address) + ":" + port + (process.isEmpty() ? "" : " " + process);
    }
}
