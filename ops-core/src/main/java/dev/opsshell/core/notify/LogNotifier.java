package dev.opsshell.core.notify;

import java.util.function.Consumer;

/** A line per notice to the shell's standard error, or the hub's log. */
public record LogNotifier(Consumer<String> out) implements Notifier {
    @Override
    public String name() {
        return "log";
    }

    @Override
    public String target() {
        return "standard error";
    }

    @Override
    public void send(Notice notice) {
        out.accept("notice: " + notice.line());
    }
}
