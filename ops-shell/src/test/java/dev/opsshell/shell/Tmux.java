package dev.opsshell.shell;

import dev.opsshell.core.testing.Requirements;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A detached tmux session of a fixed size running a command, on a private tmux server (its own
 * socket), driven like a person would: keys in, screen out. Close kills the server.
 */
final class Tmux implements AutoCloseable {
    private final String socket;
    private final String name = "ops";
    private long panePid = -1;

    private Tmux(String socket) {
        this.socket = socket;
    }

    /** Starts {@code command} (run by sh) with HOME set and the in-shell hub on a free port, in a 120×40 terminal. */
    static Tmux start(Path home, String command) throws IOException, InterruptedException {
        Requirements.require(Requirements.onPath("tmux"),
                "the terminal tests drive the shell in tmux: apt-get install -y tmux (./scripts/test does)");
        Tmux t = new Tmux("ops-it-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
        t.tmux("new-session", "-d", "-s", t.name, "-x", "120", "-y", "40",
                "env HOME=" + home + " TERM=xterm-256color LANG=C.UTF-8 OPS_HUB_PORT=0 " + command);
        t.panePid = Long.parseLong(t.tmux("display-message", "-p", "-t", t.name, "#{pane_pid}").strip());
        return t;
    }

    /**
     * Types text as a person does, one key at a time (one {@code send-keys -l} per character, so
     * the editor sees each key on its own, never a paste), literally: no key names.
     */
    void type(String text) throws IOException, InterruptedException {
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            String key = new String(Character.toChars(c));
            // tmux reads a lone ';' as a command separator unless it is escaped
            tmux("send-keys", "-t", name, "-l", "--", c == ';' ? "\\;" : key);
            i += Character.charCount(c);
        }
    }

    /** The visible screen with its colours as ANSI sequences, wrapped lines joined. */
    String screenWithColours() throws IOException, InterruptedException {
        return tmux("capture-pane", "-p", "-e", "-J", "-t", name);
    }

    /** Types text one key at a time, as a person does (not as one burst, which a terminal may take for a paste). */
    void typeKeys(String text) throws IOException, InterruptedException {
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            type(new String(Character.toChars(cp)));
            i += Character.charCount(cp);
        }
    }

    /** Presses keys by tmux name: Enter, Tab, Up, C-c, C-d. */
    void press(String... keys) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("send-keys", "-t", name));
        args.addAll(List.of(keys));
        tmux(args.toArray(String[]::new));
    }

    /** The visible screen, wrapped lines joined. */
    String screen() throws IOException, InterruptedException {
        return tmux("capture-pane", "-p", "-J", "-t", name);
    }

    /** Waits until the screen satisfies {@code test}; fails with the screen when it does not. */
    String await(String what, long seconds, Predicate<String> test) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        String s = "";
        while (System.nanoTime() < deadline) {
            if (!alive()) throw new AssertionError("the shell exited while waiting for " + what + "; last screen:\n" + s);
            s = screen();
            if (test.test(s)) return s;
            Thread.sleep(100);
        }
        throw new AssertionError("waited " + seconds + " s for " + what + "; the screen shows:\n" + s);
    }

    /** Waits for the screen to contain {@code text}. */
    String await(String text, long seconds) throws IOException, InterruptedException {
        return await("'" + text + "'", seconds, s -> s.contains(text));
    }

    /** True while the session (the shell in it) runs. */
    boolean alive() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("tmux", "-L", socket, "has-session", "-t", name).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor() == 0;
    }

    private String tmux(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("tmux", "-L", socket));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) throw new IOException(String.join(" ", cmd) + " failed: " + out);
        return out;
    }

    /** Kills the tmux server and waits (up to 10 s) for the shell and its children to be gone. */
    @Override
    public void close() throws IOException, InterruptedException {
        List<ProcessHandle> tree = new ArrayList<>();
        ProcessHandle.of(panePid).ifPresent(p -> {
            tree.add(p);
            p.descendants().forEach(tree::add);
        });
        new ProcessBuilder("tmux", "-L", socket, "kill-server").redirectErrorStream(true).start().waitFor();
        java.nio.file.Files.deleteIfExists(java.nio.file.Path.of(System.getProperty("java.io.tmpdir"),
                "tmux-" + new com.sun.security.auth.module.UnixSystem().getUid(), socket));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        for (ProcessHandle p : tree) {
            while (p.isAlive() && System.nanoTime() < deadline) Thread.sleep(50);
            if (p.isAlive()) p.destroyForcibly();
        }
    }
}
