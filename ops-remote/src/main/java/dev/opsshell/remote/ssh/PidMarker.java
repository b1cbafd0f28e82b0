package dev.opsshell.remote.ssh;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Learns the process id of a remote command so a timed-out or cancelled command can be killed with
 * its whole process group. OpenSSH ignores signal requests on root sessions (they run without
 * privilege separation) and closing a channel without a terminal does not stop the command, so
 * the command line first prints {@code ops-pid:$$} on stderr; this filter takes that line out of
 * stderr and remembers the pid. sshd starts each session with setsid, so the pid is the group id.
 */
final class PidMarker extends FilterInputStream {
    private static final Pattern LINE = Pattern.compile("ops-pid:(\\d+)");
    private static final int MAX = 64;

    private volatile long pid = -1;
    private byte[] replay;
    private int replayAt;
    private boolean checked;

    PidMarker(InputStream in) {
        super(in);
    }

    /** The command line with the marker in front. */
    static String mark(String line) {
        return "echo ops-pid:$$ >&2; " + line;
    }

    /**
     * A shell line that kills process {@code pid}, its process group and every descendant. The
     * group alone is not enough: sudo may run its command in a group of its own, and a command
     * killed through sudo runs under dash, whose kill takes no {@code --} (so {@code -PID}, not
     * {@code -- -PID}). The tree is stopped first so nothing forks between listing and killing.
     */
    static String killTree(long pid) {
        return "t() { echo \"$1\"; for c in $(pgrep -P \"$1\" 2>/dev/null); do t \"$c\"; done; }; "
                + "p=$(t " + pid + "); kill -STOP $p 2>/dev/null; kill -KILL $(t " + pid + ") $p 2>/dev/null; "
                + "kill -KILL -" + pid + " 2>/dev/null; true";
    }

    /** The remote shell's pid, or -1 when it was not (yet) seen. */
    long pid() {
        return pid;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (!checked) firstLine();
        if (replay != null && replayAt < replay.length) {
            int n = Math.min(len, replay.length - replayAt);
            System.arraycopy(replay, replayAt, b, off, n);
            replayAt += n;
            return n;
        }
        return in.read(b, off, len);
    }

    private void firstLine() throws IOException {
        checked = true;
        ByteArrayOutputStream seen = new ByteArrayOutputStream();
        int c;
        while (seen.size() < MAX && (c = in.read()) >= 0) {
            seen.write(c);
            if (c == '\n') break;
        }
        Matcher m = LINE.matcher(seen.toString(StandardCharsets.US_ASCII).strip());
        if (m.matches()) {
            pid = Long.parseLong(m.group(1));
        } else {
            replay = seen.toByteArray(); // not ours (an rc file printed first): hand it on unchanged
        }
    }
}
