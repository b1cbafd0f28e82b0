package dev.opsshell.remote.check;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * One line of /proc/self/mountinfo: the mount's own options ({@code opts}, goss's opts), the
 * superblock's ({@code vfs-opts}), source and filesystem type; {@code \040}-style escapes undone.
 */
record Mountinfo(List<String> opts, List<String> vfsOpts, String source, String filesystem) {

    static Mountinfo parse(String line) {
        String[] f = line.split(" ");
        int dash = 6;
        while (dash < f.length && !f[dash].equals("-")) dash++;
        if (dash + 3 >= f.length) throw new IllegalArgumentException("not a mountinfo line: " + line);
        return new Mountinfo(split(f[5]), split(f[dash + 3]), unescape(f[dash + 2]), f[dash + 1]);
    }

    private static List<String> split(String opts) {
        return new ArrayList<>(new LinkedHashSet<>(List.of(opts.split(","))));
    }

    private static String unescape(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '\\' && i + 3 < s.length() && s.substring(i + 1, i + 4).matches("[0-7]{3}")) {
                b.append((char) Integer.parseInt(s.substring(i + 1, i + 4), 8));
                i += 3;
            } else {
                b.append(s.charAt(i));
            }
        }
        return b.toString();
    }
}
