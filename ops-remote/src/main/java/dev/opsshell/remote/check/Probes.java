package dev.opsshell.remote.check;

import dev.opsshell.remote.Quote;

/**
 * The shell that probes one subject on a host, POSIX sh for any Linux. It prints {@code key=value}
 * lines ({@code v key value}) and free text as blobs ({@code b name}, then the text), which
 * {@link Observations} turns into goss's attribute values. It reads what goss reads: dpkg-query /
 * rpm / pacman, systemctl where PID 1 is systemd else {@code service … status} and
 * {@code /etc/rc*.d/S??name}, /proc/net, stat, getent, /proc/sys, /proc/self/mountinfo.
 */
final class Probes {
    private Probes() {
    }

    static String probe(Subject s, java.util.Set<String> wanted) {
        String id = Quote.shell(s.id());
        return switch (s.kind()) {
            case PACKAGE -> "set -- /var/lib/dpkg/updates/*; if [ -r /var/lib/dpkg/status ] && [ ! -e \"$1\" ]; then v manager dpkg;"
                    // dpkg-query's answer read from its database directly (a quarter of the time): only when no
                    // half-written update is pending in updates/, else dpkg-query itself
                    + " awk -v p=" + id + " '/^Package: /{k=($2==p)} k&&/^Status: /{s=$2\" \"$3\" \"$4} k&&/^Version: /{w=$2}"
                    + " /^$/{if(k&&(s==\"install ok installed\"||s==\"hold ok installed\"))print \"version=\" w; k=0;s=\"\"}"
                    + " END{if(k&&(s==\"install ok installed\"||s==\"hold ok installed\"))print \"version=\" w}' /var/lib/dpkg/status;"
                    + " elif command -v dpkg-query >/dev/null 2>&1; then v manager dpkg;"
                    + " dpkg-query -f '${Status} ${Version}\\n' -W " + id
                    + " 2>/dev/null | awk '/^(install|hold) ok installed /{print \"version=\" $4}';"
                    + " elif command -v rpm >/dev/null 2>&1; then v manager rpm;"
                    + " rpm -q --nosignature --nohdrchk --nodigest --qf '%|EPOCH?{%{EPOCH}:}:{}|%{VERSION}-%{RELEASE}\\n' "
                    + id + " 2>/dev/null | grep -v ' ' | sed 's/^/version=/';"
                    + " elif command -v pacman >/dev/null 2>&1; then v manager pacman;"
                    + " pacman -Q --color never " + id + " 2>/dev/null | awk '{print \"version=\" $2}';"
                    + " else v error 'no package manager ops reads (dpkg, rpm, pacman) on this host'; fi";
            case SERVICE -> service(id, wanted);
            case PORT -> port(s.id());
            case FILE -> file(id, wanted);
            case COMMAND -> command(s, id, wanted);
            // one grep that stops at the first match (-s: a process that ended after the glob is no error)
            case PROCESS -> "if grep -q -s -x -F -- " + id + " /proc/[0-9]*/comm; then v running true; else v running false; fi";
            case USER -> "if l=$(getent passwd " + id + "); then v passwd \"$l\";"
                    + (wanted.contains("groups") ? " v groups \"$(id -Gn " + id + " 2>/dev/null)\";" : "") + " fi";
            case GROUP -> "if l=$(getent group " + id + "); then v group \"$l\"; fi";
            case HTTP -> http(s, id);
            case KERNEL_PARAM -> "f=/proc/sys/" + Quote.shell(s.id().replace('.', '/'))
                    + "; if [ -r \"$f\" ]; then b value; " + LINES + " <\"$f\"; else v error \"cannot read $f\"; fi";
            case MOUNT -> "awk -v m=" + id + " '{p=$5; gsub(/\\\\040/, \" \", p)} p==m' /proc/self/mountinfo"
                    + " | tail -n 1 | sed 's/^/mountinfo=/'; stat -f -c 'blocks=%b %f' " + id + " 2>/dev/null";
            case ADDR -> addr(s);
            case DNS -> "getent ahosts " + id + " | awk '{print \"addr=\" $1}' | sort -u";
        };
    }

    private static String file(String id, java.util.Set<String> wanted) {
        // exists and filetype from lstat, as goss; mode, owner, size … from stat following links (os.Stat)
        String stat = "mode=%a\\nsize=%s\\nowner=%U\\nuid=%u\\ngroup=%G\\ngid=%g\\n";
        return "if [ -L " + id + " ]; then v exists true; v type 'symbolic link'; v link \"$(readlink " + id + ")\";"
                + " stat -L --printf '" + stat + "' " + id + " 2>/dev/null;"
                + " elif [ -e " + id + " ]; then v exists true; stat --printf 'type=%F\\n" + stat + "' " + id + ";"
                + " else v exists false; fi; if [ -f " + id + " ]; then " + sums(wanted, id) + " :; fi";
    }

    private static String service(String id, java.util.Set<String> wanted) {
        boolean running = wanted.contains("running");
        boolean enabled = wanted.contains("enabled") || wanted.contains("runlevels");
        StringBuilder b = new StringBuilder("read -r p1 </proc/1/comm; if [ \"$p1\" = systemd ]; then v manager systemd;");
        if (running) b.append(" if systemctl -q is-active ").append(id).append("; then v running true; else v running false; fi;");
        if (enabled) b.append(" if systemctl -q is-enabled ").append(id).append("; then v enabled true; else v enabled false; fi;");
        b.append(" else v manager init;");
        if (running) {
            b.append(" if command -v service >/dev/null 2>&1; then service ").append(id).append(" status >/dev/null 2>&1;")
                    .append(" else /etc/init.d/").append(id).append(" status >/dev/null 2>&1; fi && v running true || v running false;");
        }
        if (enabled) b.append(" for f in /etc/rc*.d/S[0-9][0-9]").append(id).append("; do [ -e \"$f\" ] && v runlevel \"$f\"; done;");
        return b.append(" :; fi").toString();
    }

    private static String sums(java.util.Set<String> wanted, String id) {
        StringBuilder b = new StringBuilder();
        for (String sum : new String[]{"md5", "sha256", "sha512"}) {
            if (wanted.contains(sum)) {
                b.append("v ").append(sum).append(" \"$(").append(sum).append("sum < ").append(id)
                        .append(" | cut -d' ' -f1)\"; ");
            }
        }
        if (wanted.contains("contents") || wanted.contains("contains")) b.append("b contents; cat ").append(id).append("; ");
        return b.toString();
    }

    private static String port(String spec) {
        PortSpec p = PortSpec.parse(spec);
        String hex = String.format(":%04X", p.number());
        String listenOnly = p.protocol().startsWith("tcp") ? " && $4==\"0A\"" : "";
        // awk, not a shell read loop: /proc/net/tcp has a line per connection, and bash reads /proc a byte at a time
        return "awk '$2 ~ /" + hex + "$/" + listenOnly + " {print \"local=\" $2}' /proc/net/" + p.protocol();
    }

    /** The command's stdout straight into its blob (no temp file); stderr kept only when a check reads it. */
    private static String command(Subject s, String id, java.util.Set<String> wanted) {
        String err = wanted.contains("stderr") ? "\"$T/e\"" : "/dev/null";
        return (wanted.contains("stderr") ? "tmp; " : "") + "c=" + id + "; b stdout; if command -v timeout >/dev/null 2>&1; then timeout -k 1 "
                + seconds(s.option("timeout", "10000")) + " sh -c \"$c\" </dev/null 2>" + err + ";"
                + " else sh -c \"$c\" </dev/null 2>" + err + "; fi; e=$?; b exit; printf '%s' \"$e\""
                + (wanted.contains("stderr") ? "; b stderr; cat \"$T/e\"" : "");
    }

    /** Copies stdin to stdout line by line in the shell itself (short /proc files: no cat to start). */
    private static final String LINES = "while IFS= read -r l || [ -n \"$l\" ]; do printf '%s\\n' \"$l\"; done";

    private static String http(Subject s, String id) {
        StringBuilder b = new StringBuilder("tmp; if command -v curl >/dev/null 2>&1; then curl -s -o \"$T/b\" -D \"$T/h\" -w '%{http_code}' ");
        b.append("--max-time ").append(seconds(s.option("timeout", "5000"))).append(' ');
        if (!"true".equals(s.option("no-follow-redirects", "false"))) b.append("-L ");
        if ("true".equals(s.option("allow-insecure", "false"))) b.append("-k ");
        if (s.options().containsKey("method")) b.append("-X ").append(Quote.shell(s.option("method", "GET"))).append(' ');
        if (s.options().containsKey("request-body")) b.append("--data-binary ").append(Quote.shell(s.option("request-body", ""))).append(' ');
        for (String h : s.option("request-headers", "").split("\n")) {
            if (!h.isBlank()) b.append("-H ").append(Quote.shell(h)).append(' ');
        }
        b.append(id).append(" >\"$T/s\"; r=$?; if [ $r -eq 0 ]; then v status \"$(cat \"$T/s\")\"; b body; cat \"$T/b\"; b headers; cat \"$T/h\";")
                .append(" else v error \"curl exited $r\"; fi; else v error 'http checks need curl on the host'; fi");
        return b.toString();
    }

    private static String addr(Subject s) {
        String[] a = AddrSpec.parse(s.id());
        String dev = "/dev/" + a[0] + "/" + a[1] + "/" + a[2];
        return "if command -v bash >/dev/null 2>&1 && command -v timeout >/dev/null 2>&1; then"
                + " if timeout " + seconds(s.option("timeout", "500")) + " bash -c " + Quote.shell("exec 3<>" + dev)
                + " 2>/dev/null; then v reachable true; else v reachable false; fi;"
                + " else v error 'addr checks need bash and timeout on the host'; fi";
    }

    /** goss timeouts are milliseconds; timeout(1) and curl take seconds with a fraction. */
    static String seconds(String millis) {
        try {
            return String.format(java.util.Locale.ROOT, "%.3f", Long.parseLong(millis.strip()) / 1000.0);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("timeout: '" + millis + "' is not a number of milliseconds");
        }
    }
}
