package dev.opsshell.shell;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real {@code scripts/ops} launcher as a child process, with its own HOME so history,
 * {@code ~/.ops} and {@code ~/.ssh} are the test's, and collects exit code, stdout and stderr.
 */
final class OpsProcess {
    static final Path ROOT = findRoot();
    static final Path LAUNCHER = ROOT.resolve("scripts/ops");

    /** What a run gave back. */
    record Run(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private OpsProcess() {
    }

    private static Path findRoot() {
        Path p = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        while (p != null && !Files.exists(p.resolve("scripts/ops"))) p = p.getParent();
        if (p == null) throw new IllegalStateException("cannot find scripts/ops above " + System.getProperty("user.dir"));
        return p;
    }

    static Run run(Path home, String stdin, String... args) throws IOException, InterruptedException {
        return run(home, stdin, Map.of(), args);
    }

    static Run run(Path home, String stdin, Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(LAUNCHER.toString());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(home.toFile());
        pb.environment().put("HOME", home.toString());
        pb.environment().remove("OPS_INVENTORY");
        pb.environment().putAll(env);
        Process p = pb.start();
        CompletableFuture<String> out = read(p.getInputStream());
        CompletableFuture<String> err = read(p.getErrorStream());
        try (var in = p.getOutputStream()) {
            if (stdin != null) in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            throw new AssertionError("ops " + String.join(" ", args) + " did not finish within 120 s");
        }
        return new Run(p.exitValue(), out.join(), withoutLauncherNotes(err.join()));
    }

    /** Stderr without the launcher's own one-line notes (building, preparing the startup archive). */
    static String withoutLauncherNotes(String err) {
        StringBuilder s = new StringBuilder();
        err.lines().filter(l -> !l.matches("((re)?building ops|preparing a startup archive).*"))
                .forEach(l -> s.append(l).append('\n'));
        return s.toString();
    }

    private static CompletableFuture<String> read(java.io.InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            try (in) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "(could not read: " + e + ")";
            }
        });
    }
}
