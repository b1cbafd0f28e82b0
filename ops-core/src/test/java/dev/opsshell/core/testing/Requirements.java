package dev.opsshell.core.testing;

import org.junit.jupiter.api.Assumptions;
import org.opentest4j.AssertionFailedError;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * What an integration test needs from the machine (root, sshd, tmux, a package), checked in one
 * place: a developer without it gets the test skipped with the reason, but under CI ({@code CI=true}
 * in the environment, as CI runs {@code .ci/run}) a missing requirement is a failure, so a broken
 * CI machine can never pass by skipping.
 * <pre>{@code
 * Requirements.require(Requirements.isRoot(), "the SSH lab needs root; run ./scripts/test as root");
 * }</pre>
 */
public final class Requirements {
    private Requirements() {
    }

    /** Skips (developer) or fails (CI) the calling test when {@code condition} is false. */
    public static void require(boolean condition, String reason) {
        require(condition, reason, inCi());
    }

    /** As {@link #require(boolean, String)}, with CI decided by the caller (for testing this class). */
    static void require(boolean condition, String reason, boolean ci) {
        if (condition) return;
        if (ci) throw new AssertionFailedError("CI=true and a test requirement is missing: " + reason);
        Assumptions.abort(reason + " (skipped outside CI; under CI=true this fails)");
    }

    /** True when the environment says CI ({@code CI=true}, as GitHub Actions, GitLab and our .ci/run set it). */
    public static boolean inCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    public static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** True when {@code name} is an executable file in one of the {@code PATH} directories (or an absolute path). */
    public static boolean onPath(String name) {
        if (name.startsWith("/")) return Files.isExecutable(Path.of(name));
        String path = System.getenv().getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin");
        return Stream.of(path.split(":")).anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, name)));
    }
}
