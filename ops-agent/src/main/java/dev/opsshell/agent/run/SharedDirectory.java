package dev.opsshell.agent.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Whether a directory is shared: writable by someone other than root and the agent's own user,
 * because it is world-writable (like /tmp, sticky or not) or owned by another user. Someone who
 * may write there can swap names under a writer's feet, so the agent writes into such a directory
 * only when the request says so ({@code sharedDirectory}). A group-writable directory is the
 * administrator's choice of who shares it and is not refused.
 */
final class SharedDirectory {
    private SharedDirectory() {
    }

    /** Throws {@link WriteRefused} when {@code dir} (a real path, the directory of {@code target}) is shared. */
    static void refuseIfShared(Path target, Path dir) throws IOException {
        PosixFileAttributes a = Files.readAttributes(dir, PosixFileAttributes.class);
        int owner = (Integer) Files.getAttribute(dir, "unix:uid");
        String why = null;
        if (a.permissions().contains(PosixFilePermission.OTHERS_WRITE)) {
            why = "every user may write there (mode " + PosixFilePermissions.toString(a.permissions()) + ")";
        } else if (owner != 0 && owner != ProcessIdentity.CURRENT.uid()) {
            why = "it belongs to " + a.owner().getName() + ", not to root or the agent's user";
        }
        if (why != null) {
            throw new WriteRefused("refusing to write " + target + ": its directory " + dir + " is shared (" + why
                    + "), so another user could swap files there. Write somewhere only root and the agent's user"
                    + " can, or say it is meant: upload(…).intoSharedDirectory() in the shell");
        }
    }
}
