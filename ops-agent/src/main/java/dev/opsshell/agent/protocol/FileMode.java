package dev.opsshell.agent.protocol;

import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/** File permission bits as the protocol carries them: three octal digits, such as "750". */
public final class FileMode {
    private static final String[] BITS = {"---", "--x", "-w-", "-wx", "r--", "r-x", "rw-", "rwx"};

    private FileMode() {
    }

    /** {@code rwxr-x---} becomes "750". */
    public static String octal(Set<PosixFilePermission> permissions) {
        String s = PosixFilePermissions.toString(permissions);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 9; i += 3) out.append(java.util.Arrays.asList(BITS).indexOf(s.substring(i, i + 3)));
        return out.toString();
    }

    /** "750" becomes {@code rwxr-x---}; anything but three octal digits is refused. */
    public static Set<PosixFilePermission> permissions(String octal) {
        if (octal == null || !octal.matches("[0-7]{3}")) {
            throw new IllegalArgumentException("mode must be three octal digits, was " + octal);
        }
        StringBuilder s = new StringBuilder();
        for (char d : octal.toCharArray()) s.append(BITS[d - '0']);
        return PosixFilePermissions.fromString(s.toString());
    }
}
