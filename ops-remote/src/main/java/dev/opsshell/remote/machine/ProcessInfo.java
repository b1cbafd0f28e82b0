package dev.opsshell.remote.machine;

import java.util.ArrayList;
import java.util.List;

/** A process on a host: pid, user, its name ({@code comm}) and whole command line. */
public record ProcessInfo(int pid, String user, String name, String commandLine) {

    /** The ps line every host answers: POSIX {@code -o} columns, which busybox ps also takes. */
    static final String SCRIPT = "ps -eo pid,user,comm,args 2>/dev/null || ps -o pid,user,comm,args\n";

    /** The processes in {@code ps} output whose name is {@code name} or whose command line contains it (ps itself left out). */
    static List<ProcessInfo> matching(String psOutput, String name) {
        List<ProcessInfo> out = new ArrayList<>();
        for (String line : psOutput.split("\n")) {
            String[] p = line.strip().split("\\s+", 4);
            if (p.length < 3 || !p[0].matches("\\d+")) continue;
            String args = p.length > 3 ? p[3] : p[2];
            if (args.startsWith("ps -eo pid,user,comm,args") || args.startsWith("ps -o pid,user,comm,args")) continue;
            if (args.contains(SCRIPT.strip())) continue; // the shell running this very script
            if (p[2].equals(name) || args.contains(name)) out.add(new ProcessInfo(Integer.parseInt(p[0]), p[1], p[2], args));
        }
        return out;
    }

    @Override
    public String toString() {
        return pid + " " + user + " " + commandLine;
    }
}
