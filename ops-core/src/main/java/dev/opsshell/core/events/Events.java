package dev.opsshell.core.events;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * What happened in a session, for whoever keeps or reacts to it: history records every
 * {@link RunFinished}, notifiers watch runs, samples and agents. Subscribers are called on the
 * publishing thread, in order; one that throws is reported to {@code problems} and the others still
 * run, so a broken subscriber never loses a result. Keep subscribers quick: slow work (a mail, a
 * webhook) belongs on the subscriber's own executor. Thread-safe.
 */
public final class Events {
    private final Map<Class<?>, List<Consumer<Object>>> subscribers = new ConcurrentHashMap<>();
    private volatile Consumer<String> problems = message -> { };

    /** Where a failing subscriber is reported (the shell prints it once; tests collect it). */
    public void problems(Consumer<String> sink) {
        problems = sink;
    }

    /** Calls {@code subscriber} with every event of {@code type} (or a subtype); close the result to stop. */
    public <T> AutoCloseable subscribe(Class<T> type, Consumer<? super T> subscriber) {
        Consumer<Object> wrapped = event -> subscriber.accept(type.cast(event));
        subscribers.computeIfAbsent(type, t -> new CopyOnWriteArrayList<>()).add(wrapped);
        return () -> subscribers.getOrDefault(type, List.of()).remove(wrapped);
    }

    /** Hands {@code event} to every subscriber of its type; returns it. */
    public <T> T publish(T event) {
        subscribers.forEach((type, list) -> {
            if (!type.isInstance(event)) return;
            for (Consumer<Object> s : list) {
                try {
                    s.accept(event);
                } catch (RuntimeException e) {
                    problems.accept(event.getClass().getSimpleName() + " subscriber failed: "
                            + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
                }
            }
        });
        return event;
    }
}
