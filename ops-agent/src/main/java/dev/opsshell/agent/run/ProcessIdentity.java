package dev.opsshell.agent.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Who the agent runs as and the umask its new files get, read once from {@code /proc/self/status}
 * (Linux; the {@code Umask} line since 4.7). Without it the uid is unknown (-1, so only root-owned
 * directories count as the agent's own) and the umask is the usual 022.
 *
 * @param uid   the effective user id
 * @param umask the file mode creation mask, e.g. 022
 */
record ProcessIdentity(int uid, int umask) {
    static final ProcessIdentity CURRENT = read(Path.of("/proc/self/status"));

    static ProcessIdentity read(Path status) {
        int uid = -1;
        int umask = 022;
        try {
            List<String> lines = Files.readAllLines(status);
            for (String line : lines) {
                String[] f = line.split("\\s+");
                if (f[0].equals("Uid:") && f.length > 2) uid = Integer.parseInt(f[2]);
                if (f[0].equals("Umask:") && f.length > 1) umask = Integer.parseInt(f[1], 8);
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux, or an odd /proc: keep the cautious defaults documented above
        }
        return new ProcessIdentity(uid, umask);
    }
}
