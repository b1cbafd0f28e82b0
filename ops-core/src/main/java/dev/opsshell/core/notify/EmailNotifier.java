package dev.opsshell.core.notify;

import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import java.time.Duration;
import java.util.Date;
import java.util.Map;
import java.util.Properties;

/**
 * A mail per notice over SMTP with Angus Mail (Jakarta Mail's implementation): STARTTLS required
 * when set, a login when a user is set, and connect, read and write timeouts so a server that does
 * not answer fails the send instead of holding it.
 */
public final class EmailNotifier implements Notifier {
    private final EmailSettings settings;
    private final Duration timeout;
    private final Map<String, String> env;

    public EmailNotifier(EmailSettings settings, Duration timeout, Map<String, String> env) {
        this.settings = settings;
        this.timeout = timeout;
        this.env = env;
    }

    @Override
    public String name() {
        return "email";
    }

    @Override
    public String target() {
        return settings.target();
    }

    @Override
    public void send(Notice notice) throws Exception {
        String password = settings.password(env);
        Properties p = new Properties();
        p.put("mail.smtp.host", settings.host());
        p.put("mail.smtp.port", Integer.toString(settings.port()));
        p.put("mail.smtp.connectiontimeout", Long.toString(timeout.toMillis()));
        p.put("mail.smtp.timeout", Long.toString(timeout.toMillis()));
        p.put("mail.smtp.writetimeout", Long.toString(timeout.toMillis()));
        if (settings.starttls()) {
            p.put("mail.smtp.starttls.enable", "true");
            p.put("mail.smtp.starttls.required", "true");
        }
        Authenticator auth = null;
        if (password != null) {
            p.put("mail.smtp.auth", "true");
            auth = new Authenticator() {
                @Override
                protected PasswordAuthentication getPasswordAuthentication() {
                    return new PasswordAuthentication(settings.user(), password);
                }
            };
        }
        MimeMessage m = new MimeMessage(Session.getInstance(p, auth));
        m.setFrom(new InternetAddress(settings.from()));
        for (String to : settings.to()) m.addRecipient(Message.RecipientType.TO, new InternetAddress(to));
        m.setSubject(notice.title(), "UTF-8");
        m.setSentDate(Date.from(notice.at()));
        m.setText(notice.body(), "UTF-8");
        Transport.send(m);
    }
}
