package dev.opsshell.agent.run;

import dev.opsshell.agent.protocol.ErrorCode;
import dev.opsshell.agent.protocol.Message;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Runs one {@link Message.Exec} as a child process: streams its output as {@link Message.Output}
 * chunks up to the cap (the rest is read and dropped, so the process never blocks on a full pipe),
 * kills its whole process tree on timeout or cancel, and ends with one {@link Message.Exit}.
 */
final class ExecRunner implements Cancellable {
    private static final String USER = System.getProperty("user.name");
    /** How long output may still arrive after the command exited, before the reply goes without it. */
    static final long DRAIN_AFTER_EXIT_MILLIS = 2000;

    private final Message.Exec request;
    private final Consumer<Message> send;
    private final ScheduledExecutorService timers;
    private final AtomicBoolean timedOut = new AtomicBoolean();
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private volatile Process process;

    ExecRunner(Message.Exec request, Consumer<Message> send, ScheduledExecutorService timers) {
        this.request = request;
        this.send = send;
        this.timers = timers;
    }

    /** Runs to the end on the calling thread; the stderr reader runs on {@code helper}. */
    void run(Executor helper) {
        long start = System.nanoTime();
        try {
            ProcessBuilder pb = new ProcessBuilder(argv());
            pb.environment().putAll(request.env());
            pb.directory(directory());
            pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            process = pb.start();
        } catch (IOException | RuntimeException e) {
            send.accept(ErrorCode.FAILED.reply(request.id(), "could not start " + argv() + ": " + e.getMessage()));
            return;
        }
        if (cancelled.get()) killTree();
        ScheduledFuture<?> timer = request.timeoutMillis() > 0
                ? timers.schedule(() -> stop(timedOut), request.timeoutMillis(), TimeUnit.MILLISECONDS) : null;
        Pump err = new Pump(process.getErrorStream(), true);
        CompletableFuture<Void> errDone = CompletableFuture.runAsync(err::run, helper);
        Pump out = new Pump(process.getInputStream(), false);
        CompletableFuture<Void> outDone = CompletableFuture.runAsync(out::run, helper);
        int code;
        try {
            code = process.waitFor();
            // a child left running in the background (`server &`) keeps the pipes open, and the JDK
            // only sometimes closes them at exit: answer once the command itself has exited, with
            // what it printed by then, rather than wait for the child
            CompletableFuture.allOf(outDone, errDone).get(DRAIN_AFTER_EXIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
            code = process.exitValue();
        } catch (InterruptedException e) {
            killTree();
            Thread.currentThread().interrupt();
            code = -1;
        }
        if (timer != null) timer.cancel(false);
        boolean killed = timedOut.get() || cancelled.get();
        send.accept(new Message.Exit(request.id(), killed ? -1 : code, timedOut.get(), cancelled.get(),
                out.truncated || err.truncated, (System.nanoTime() - start) / 1_000_000));
    }

    /** The request's directory, else the agent user's home, where an SSH login would start the command. */
    private File directory() {
        if (request.cwd() != null && !request.cwd().isBlank()) return new File(request.cwd());
        File home = new File(System.getProperty("user.home"));
        return home.isDirectory() ? home : null;
    }

    /**
     * The command, through {@code sudo -n -u USER} when it must run as another user than the agent's.
     * Sudo resets the environment, so the request's variables go through {@code env} after it.
     */
    private List<String> argv() {
        List<String> argv = new ArrayList<>();
        String runAs = request.runAs(USER);
        if (!runAs.equals(USER)) {
            argv.addAll(List.of("sudo", "-n", "-u", runAs, "--", "env"));
            request.env().forEach((k, v) -> argv.add(k + "=" + v));
        }
        if (request.argv().isEmpty()) {
            argv.addAll(List.of("/bin/sh", "-c", request.shell() == null ? "" : request.shell()));
        } else {
            argv.addAll(request.argv());
        }
        return argv;
    }

    @Override
    public void cancel() {
        stop(cancelled);
    }

    private void stop(AtomicBoolean why) {
        if (timedOut.get() || cancelled.get()) return;
        why.set(true);
        killTree();
    }

    /**
     * Kills the process tree from the top down (the JDK lists descendants breadth first): a shell
     * killed after its child would report the child's death ("Killed") on stderr first.
     */
    private void killTree() {
        Process p = process;
        if (p == null) return;
        List<ProcessHandle> tree = p.descendants().toList();
        p.destroyForcibly();
        tree.forEach(ProcessHandle::destroyForcibly);
    }

    /** Copies one stream into output chunks until the cap, then reads and drops the rest. */
    private final class Pump implements Runnable {
        private final InputStream in;
        private final boolean stderr;
        private long sent;
        private volatile boolean truncated;

        Pump(InputStream in, boolean stderr) {
            this.in = in;
            this.stderr = stderr;
        }

        @Override
        public void run() {
            byte[] buf = new byte[16 * 1024];
            try (in) {
                for (int n; (n = in.read(buf)) >= 0; ) {
                    long room = request.outputCap() - sent;
                    int keep = (int) Math.max(0, Math.min(room, n));
                    if (keep < n) truncated = true;
                    if (keep > 0) {
                        send.accept(new Message.Output(request.id(), stderr, Arrays.copyOf(buf, keep)));
                        sent += keep;
                    }
                }
            } catch (IOException e) {
                // the stream closed because the process tree was killed: what was read has been sent
            }
        }
    }
}
