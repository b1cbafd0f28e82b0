package dev.opsshell.core.notify;

import dev.opsshell.core.events.Events;
import dev.opsshell.core.schedule.RunOutcome;
import dev.opsshell.core.schedule.ScheduleFinished;
import dev.opsshell.core.testing.Await;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Email notices through a real SMTP server in its own process (aiosmtpd), checked as received. */
class EmailIT {
    private static final Duration LIMIT = Duration.ofSeconds(60);
    @TempDir
    Path dir;
    private final List<String> lines = new CopyOnWriteArrayList<>();

    private NotifySettings mail(SmtpServer smtp) {
        return NotifySettings.defaults().with("desktop", "off").with("email.host", "127.0.0.1")
                .with("email.port", Integer.toString(smtp.port)).with("email.from", "ops@hub.example")
                .with("email.to", "oncall@example.org, lead@example.org").with("email.starttls", "false");
    }

    private static ScheduleFinished failedSchedule() {
        return new ScheduleFinished("nightly-backup", "hub", "script /srv/ops/backup.jsh",
                new RunOutcome(false, "failed: exit 1: pg_dump: connection refused"), Instant.now(), Instant.now());
    }

    @Test
    void aFailedScheduleArrivesAsAMailWithItsSubjectBodyAndRecipients() throws Exception {
        try (SmtpServer smtp = SmtpServer.start(dir);
             Notifications n = new Notifications(mail(smtp), lines::add, Map.of())) {
            Events events = new Events();
            n.watch(events);
            events.publish(failedSchedule());
            Await.until(LIMIT, "the mail to arrive", () -> {
                try {
                    return !smtp.messages().isEmpty();
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            });
            MimeMessage m = smtp.messages().get(0);
            assertEquals("schedule nightly-backup failed: exit 1: pg_dump: connection refused", m.getSubject());
            assertEquals(List.of("oncall@example.org", "lead@example.org"),
                    Arrays.stream(m.getRecipients(Message.RecipientType.TO)).map(Object::toString).toList());
            assertEquals("ops@hub.example", m.getFrom()[0].toString());
            String body = m.getContent().toString();
            assertTrue(body.contains("action: script /srv/ops/backup.jsh (hub)"), body);
            Await.until(LIMIT, "the send to be counted", () -> n.sent() == 1);
            assertEquals(List.of(), lines);
        }
    }

    @Test
    void aServerWithoutStarttlsWhenItIsRequiredIsAReportedFailureAndNoMailGoesOut() throws Exception {
        try (SmtpServer smtp = SmtpServer.start(dir);
             Notifications n = new Notifications(mail(smtp).with("email.starttls", "true"), lines::add, Map.of())) {
            n.notify(new Notice("test", "ops: a test notice", "hello", Map.of(), Instant.now())).get();
            assertEquals(1, n.failed());
            assertTrue(lines.get(0).startsWith("notify: email (smtp://127.0.0.1:" + smtp.port + " (STARTTLS) -> oncall@example.org,"
                    + " lead@example.org) failed for \"ops: a test notice\": "), lines.get(0));
            assertTrue(lines.get(0).contains("STARTTLS"), lines.get(0));
            assertEquals(List.of(), smtp.messages());
        }
    }

    @Test
    void thePasswordIsReadFromItsVariableAndNeverShown() throws Exception {
        String secret = "hunter2-" + System.nanoTime();
        try (SmtpServer smtp = SmtpServer.start(dir)) {
            NotifySettings s = mail(smtp).with("email.user", "ops").with("email.password_env", "TEST_SMTP_PASSWORD");
            try (Notifications missing = new Notifications(s, lines::add, Map.of())) {
                missing.notify(new Notice("test", "t", "b", Map.of(), Instant.now())).get();
                assertTrue(lines.get(0).contains("notify.email.user is set but TEST_SMTP_PASSWORD is empty; export the SMTP password"),
                        lines.get(0));
            }
            // this server offers no AUTH, so the mail goes without a login; what matters is where the password shows
            try (Notifications given = new Notifications(s, lines::add, Map.of("TEST_SMTP_PASSWORD", secret))) {
                given.notify(new Notice("test", "t", "b", Map.of(), Instant.now())).get();
                String everything = String.join("\n", lines) + given.describe() + s + given.notifiers();
                assertFalse(everything.contains(secret), everything);
            }
        }
    }
}
