package dev.opsshell.core.notify;

import dev.opsshell.core.testing.Await;
import dev.opsshell.core.testing.Requirements;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real SMTP server in its own process: Debian's python3-aiosmtpd on a loopback port, filing each
 * message it receives in a Maildir, read back here as a MIME message. No STARTTLS, no AUTH.
 */
final class SmtpServer implements AutoCloseable {
    private static final String PYTHON = "/usr/bin/python3";
    final int port;
    private final Path maildir;
    private final Process process;

    private SmtpServer(int port, Path maildir, Process process) {
        this.port = port;
        this.maildir = maildir;
        this.process = process;
    }

    static SmtpServer start(Path dir) throws Exception {
        Requirements.require(Files.isExecutable(Path.of(PYTHON)) && new ProcessBuilder(PYTHON, "-c", "import aiosmtpd")
                .start().waitFor() == 0, "the email tests need Debian's python3-aiosmtpd: apt-get install -y python3-aiosmtpd");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path maildir = dir.resolve("maildir");
        Process p = new ProcessBuilder(PYTHON, "-m", "aiosmtpd", "-n", "-l", "127.0.0.1:" + port,
                "-c", "aiosmtpd.handlers.Mailbox", maildir.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("smtp.log").toFile()).start();
        SmtpServer server = new SmtpServer(port, maildir, p);
        Await.until(Duration.ofSeconds(30), "the SMTP server to listen on " + port, () -> {
            if (!p.isAlive()) throw new AssertionError("aiosmtpd exited: " + read(dir.resolve("smtp.log")));
            try (Socket s = new Socket("127.0.0.1", port)) {
                return true;
            } catch (java.io.IOException notYet) {
                return false;
            }
        });
        return server;
    }

    /** The messages filed so far. */
    List<MimeMessage> messages() throws Exception {
        Path fresh = maildir.resolve("new");
        if (!Files.isDirectory(fresh)) return List.of();
        try (Stream<Path> files = Files.list(fresh)) {
            List<Path> sorted = files.sorted().toList();
            java.util.ArrayList<MimeMessage> out = new java.util.ArrayList<>();
            for (Path f : sorted) {
                try (InputStream in = Files.newInputStream(f)) {
                    out.add(new MimeMessage(Session.getInstance(new Properties()), in));
                }
            }
            return out;
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (java.io.IOException e) {
            return "(" + e.getMessage() + ")";
        }
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly();
    }
}
