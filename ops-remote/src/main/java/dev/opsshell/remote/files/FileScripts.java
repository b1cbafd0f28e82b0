package dev.opsshell.remote.files;

import dev.opsshell.remote.Quote;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * The shell scripts behind the file operations. Each checks first and changes only what differs,
 * then prints {@code changed: …} or {@code unchanged: …}; a missing file or directory is exit 2 with
 * a line saying which and what to do.
 */
final class FileScripts {
    /** Content sent inline with the command; larger files go through {@code putFile} (a transfer). */
    static final int MAX_INLINE = 256 * 1024;
    private static final Pattern MODE = Pattern.compile("[0-7]{3,4}");
    private static final Pattern OWNER = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]*(:[A-Za-z0-9_][A-Za-z0-9_.-]*)?");

    private FileScripts() {
    }

    static String path(String path) {
        if (path == null || path.isBlank()) throw new IllegalArgumentException("name a path on the hosts");
        if (path.equals("/")) throw new IllegalArgumentException("refusing to work on / itself: name a path under it");
        return Quote.shell(path);
    }

    private static String parentMustExist(String f) {
        return "d=$(dirname -- " + f + "); [ -d \"$d\" ] || { echo \"ops: directory $d does not exist on $(uname -n): mkdir(\\\"$d\\\") first\" >&2; exit 2; }\n";
    }

    private static String fileMustExist(String f) {
        return "[ -e " + f + " ] || { echo \"ops: no such file \"" + f + "\" on $(uname -n)\" >&2; exit 2; }\n";
    }

    /** Writes {@code content} to {@code path} when it differs: a new file beside it, then a rename (atomic), keeping the old mode and owner. */
    static String write(String path, String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_INLINE) {
            throw new IllegalArgumentException("content of " + path + " is " + bytes.length + " bytes, more than "
                    + MAX_INLINE + " sent inline: write it to a local file and putFile(local, \"" + path + "\")");
        }
        String f = path(path);
        return parentMustExist(f)
                + "t=$(mktemp \"$d/.ops-write.XXXXXX\") || exit 1\n"
                + "printf '%s' '" + Base64.getEncoder().encodeToString(bytes) + "' | base64 -d > \"$t\" || { rm -f \"$t\"; exit 1; }\n"
                + "if [ -f " + f + " ] && cmp -s \"$t\" " + f + "; then rm -f \"$t\"; echo \"unchanged: \"" + f + "\n"
                + "else if [ -e " + f + " ]; then chmod --reference=" + f + " \"$t\" 2>/dev/null; chown --reference=" + f + " \"$t\" 2>/dev/null;"
                + " else chmod 644 \"$t\"; fi; mv -f \"$t\" " + f + " && echo \"changed: \"" + f + "; fi\n";
    }

    static String mkdir(String path) {
        String f = path(path);
        return "if [ -d " + f + " ]; then echo \"unchanged: \"" + f + "; else mkdir -p -- " + f + " && echo \"changed: \"" + f + "; fi\n";
    }

    static String rm(String path) {
        String f = path(path);
        return "if [ -e " + f + " ] || [ -L " + f + " ]; then rm -rf -- " + f + " && echo \"changed: removed \"" + f
                + "; else echo \"unchanged: \"" + f + "\" is not there\"; fi\n";
    }

    static String chmod(String mode, String path) {
        if (!MODE.matcher(mode).matches()) throw new IllegalArgumentException("mode '" + mode + "' is not octal like 644 or 0750");
        String want = Integer.toOctalString(Integer.parseInt(mode, 8));
        String f = path(path);
        return fileMustExist(f)
                + "if [ \"$(stat -c %a " + f + ")\" = " + want + " ]; then echo \"unchanged: \"" + f + "\" mode " + want + "\";"
                + " else chmod " + want + " " + f + " && echo \"changed: \"" + f + "\" mode " + want + "\"; fi\n";
    }

    static String chown(String owner, String path) {
        if (!OWNER.matcher(owner).matches()) throw new IllegalArgumentException("owner '" + owner + "' is not user or user:group");
        String f = path(path);
        String format = owner.contains(":") ? "%U:%G" : "%U";
        return fileMustExist(f)
                + "if [ \"$(stat -c " + format + " " + f + ")\" = " + Quote.shell(owner) + " ]; then echo \"unchanged: \"" + f + "\" owner " + owner + "\";"
                + " else chown " + Quote.shell(owner) + " " + f + " && echo \"changed: \"" + f + "\" owner " + owner + "\"; fi\n";
    }

    /** Appends {@code line} unless the file has it as a whole line already (with a newline before it when the file lacks one). */
    static String lineInFile(String path, String line) {
        if (line.contains("\n")) throw new IllegalArgumentException("one line at a time: the line to ensure holds a newline");
        String f = path(path);
        String l = Quote.shell(line);
        return fileMustExist(f)
                + "if grep -qxF -- " + l + " " + f + "; then echo \"unchanged: \"" + f + "\" has the line\";"
                + " else if [ -s " + f + " ] && [ \"$(tail -c 1 " + f + " | od -An -c | tr -d ' ')\" != '\\n' ]; then echo >> " + f + "; fi;"
                + " printf '%s\\n' " + l + " >> " + f + " && echo \"changed: \"" + f + "\" got the line\"; fi\n";
    }

    /** sha256 of a file, or {@code -} when there is none: the check before a transfer. */
    static String checksum(String path) {
        String f = path(path);
        return parentMustExist(f) + "if [ -f " + f + " ]; then sha256sum -- " + f + " | cut -d' ' -f1; else echo -; fi\n";
    }
}
