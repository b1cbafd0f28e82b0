package dev.opsshell.core.notify;

/**
 * One way to tell people: a log line, the desktop, email, a webhook. {@link #send} may block (it runs
 * on a thread of its own with a deadline, see {@link Notifications}) and throws when it could not.
 */
public interface Notifier {
    /** {@code log}, {@code desktop}, {@code email}, {@code webhook}. */
    String name();

    /** Where it goes, for {@code notifications()}: an address, a URL. Never a secret. */
    String target();

    void send(Notice notice) throws Exception;
}
