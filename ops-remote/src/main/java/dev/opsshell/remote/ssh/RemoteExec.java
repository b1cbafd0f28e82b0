package dev.opsshell.remote.ssh;

import dev.opsshell.core.host.Host;
import dev.opsshell.core.result.Outcome;
import dev.opsshell.core.result.Result;
import dev.opsshell.core.transport.Command;
import dev.opsshell.core.transport.CutShort;
import dev.opsshell.core.transport.OutputSink;
import dev.opsshell.core.transport.StreamCollector;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.connection.channel.direct.Session;
import net.schmizz.sshj.connection.channel.direct.Signal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs one command line in a session channel of an open connection: stdout and stderr drained
 * separately (capped, streamed live), the given bytes written to stdin followed by end of file,
 * and the exit status read. A command past its timeout, or whose thread is interrupted (Ctrl-C),
 * is sent SIGKILL and its channel closed at once: the caller never hangs on a remote command.
 */
final class RemoteExec {
    static final String NAME = "ssh";
    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final ExecutorService DRAINS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "ops-ssh-output-" + THREADS.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    /** The channel could not be opened or the command not started: nothing ran, a retry is safe. */
    static final class NotStarted extends Exception {
        NotStarted(Throwable cause) {
            super(cause);
        }
    }

    /** The connection broke while the command ran. */
    static final class ConnectionLost extends Exception {
        ConnectionLost(Throwable cause) {
            super(cause);
        }
    }

    /** Kills a remote process group by its id (through sudo when the command ran through sudo). */
    @FunctionalInterface
    interface Killer {
        void kill(long pid);
    }

    private RemoteExec() {
    }

    static Result run(SSHClient client, Host host, String line, byte[] input, Command command, OutputSink sink,
                      Instant start, Killer killer) throws NotStarted, ConnectionLost {
        Session session = null;
        Session.Command cmd;
        try {
            session = client.startSession();
            cmd = session.exec(PidMarker.mark(line));
        } catch (IOException e) {
            closeQuietly(session);
            if (interrupted(e)) return cancelled(host, start, null, null);
            throw new NotStarted(e);
        }
        StreamCollector out = new StreamCollector(host, false, command.outputCap(), sink);
        StreamCollector err = new StreamCollector(host, true, command.outputCap(), sink);
        Future<?> outDone = drain(out, cmd.getInputStream());
        PidMarker marker = new PidMarker(cmd.getErrorStream());
        Future<?> errDone = drain(err, marker);
        Runnable kill = () -> kill(cmd, marker, killer);
        try {
            writeInput(cmd.getOutputStream(), input);
            if (CommandEnd.await(outDone, errDone, cmd, command.timeout(), () -> out.received() + err.received())) {
                cmd.join(client.getConnection().getTimeoutMs(), TimeUnit.MILLISECONDS);
            }
            return finished(host, cmd, out, err, start, client);
        } catch (TimeoutException e) {
            kill.run();
            return partial(host, Outcome.TIMED_OUT, out, err, start, CutShort.timedOut(command.timeout()));
        } catch (InterruptedException e) {
            kill.run();
            Thread.currentThread().interrupt();
            return cancelled(host, start, out, err);
        } catch (ExecutionException | IOException e) {
            kill.run();
            if (interrupted(e)) return cancelled(host, start, out, err);
            // the transport's death can reach the channel before the client notices it is disconnected
            if (!Pool.alive(client) || transportBroken(e)) throw new ConnectionLost(e);
            return partial(host, Outcome.ERROR, out, err, start, "the command's channel failed: " + Failures.describe(e));
        } finally {
            closeQuietly(session);
            if (input != null) Arrays.fill(input, (byte) 0);
        }
    }

    private static Result finished(Host host, Session.Command cmd, StreamCollector out, StreamCollector err,
                                   Instant start, SSHClient client) throws ConnectionLost {
        Integer status = cmd.getExitStatus();
        boolean truncated = out.truncated() || err.truncated();
        if (status != null) return Result.exited(host, status, out.text(), err.text(), truncated, start, NAME);
        Signal signal = cmd.getExitSignal();
        if (signal != null) {
            // the code a shell reports for it (128 + number), as the local and agent transports give
            return new Result(host, Outcome.FAILED, shellCode(signal), out.text(), err.text(), truncated, start,
                    Duration.between(start, Instant.now()), NAME, "the command was killed by signal " + signal);
        }
        if (!Pool.alive(client)) throw new ConnectionLost(new IOException("connection closed"));
        return partial(host, Outcome.ERROR, out, err, start, "the server closed the channel without an exit status");
    }

    /** 128 plus the signal's Linux number, or -1 for a signal SSH names but Linux does not have. */
    static int shellCode(Signal signal) {
        int number = switch (signal) {
            case HUP -> 1;
            case INT -> 2;
            case QUIT -> 3;
            case ILL -> 4;
            case ABRT -> 6;
            case FPE -> 8;
            case KILL -> 9;
            case USR1 -> 10;
            case SEGV -> 11;
            case USR2 -> 12;
            case PIPE -> 13;
            case ALRM -> 14;
            case TERM -> 15;
            default -> -1;
        };
        return number < 0 ? -1 : 128 + number;
    }

    private static boolean transportBroken(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof net.schmizz.sshj.transport.TransportException) return true;
        }
        return false;
    }

    private static Future<?> drain(StreamCollector collector, InputStream in) {
        return DRAINS.submit(() -> {
            collector.drain(in);
            return null;
        });
    }

    private static void writeInput(OutputStream stdin, byte[] input) throws IOException {
        if (input != null && input.length > 0) {
            stdin.write(input);
            stdin.flush();
        }
        stdin.close(); // end of file: a command reading stdin finishes instead of waiting for input
    }

    private static void kill(Session.Command cmd, PidMarker marker, Killer killer) {
        boolean killed = false;
        if (marker.pid() > 0 && cmd.isOpen()) {
            // on its own thread: a second interrupt (cancel, then pool shutdown) must not abort the kill
            waitUninterruptibly(DRAINS.submit(() -> killer.kill(marker.pid())));
            killed = true;
        }
        try {
            // no signal request after the group kill: the server may have closed the channel by now,
            // and OpenSSH drops the whole connection on a request for a channel it no longer knows
            if (!killed && cmd.isOpen()) cmd.signal(Signal.KILL);
        } catch (IOException | RuntimeException e) {
            // the channel or connection is already gone; closing below is all that is left to do
        }
        try {
            cmd.close();
        } catch (IOException | RuntimeException e) {
            // the close was sent; not waiting for the server's confirmation is fine
        }
    }

    private static void waitUninterruptibly(Future<?> task) {
        boolean interrupted = false;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        try {
            while (true) {
                try {
                    task.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                    return;
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException | TimeoutException e) {
                    return; // the kill is best effort; the channel is closed next in any case
                }
            }
        } finally {
            if (interrupted) Thread.currentThread().interrupt();
        }
    }

    /** Runs a short housekeeping command (a kill), waiting at most a few seconds, ignoring failures. */
    static void runQuietly(SSHClient client, String line, byte[] input) {
        try (Session session = client.startSession()) {
            Session.Command cmd = session.exec(line);
            writeInput(cmd.getOutputStream(), input);
            cmd.join(3, TimeUnit.SECONDS);
        } catch (IOException | RuntimeException e) {
            // best effort: the command is also signalled and its channel closed
        } finally {
            if (input != null) Arrays.fill(input, (byte) 0);
        }
    }

    private static Result cancelled(Host host, Instant start, StreamCollector out, StreamCollector err) {
        String message = CutShort.CANCELLED;
        if (out == null) return Result.problem(host, Outcome.CANCELLED, message, start, NAME);
        return partial(host, Outcome.CANCELLED, out, err, start, message);
    }

    private static Result partial(Host host, Outcome outcome, StreamCollector out, StreamCollector err, Instant start,
                                  String message) {
        return new Result(host, outcome, -1, out.text(), err.text(), out.truncated() || err.truncated(), start,
                Duration.between(start, Instant.now()), NAME, message);
    }

    private static boolean interrupted(Throwable e) {
        boolean yes = Thread.currentThread().isInterrupted() || Failures.root(e) instanceof InterruptedException;
        if (yes) Thread.currentThread().interrupt();
        return yes;
    }

    private static void closeQuietly(Session session) {
        if (session == null) return;
        try {
            session.close();
        } catch (IOException | RuntimeException e) {
            // already closed by the server or by a kill; nothing more to release
        }
    }
}
