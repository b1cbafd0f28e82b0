package dev.opsshell.core.pipeline;

import dev.opsshell.core.result.Outcome;
import dev.opsshell.core.result.Result;

import java.util.function.Predicate;

/**
 * Pickers for {@code pick(…)}: tests on a host's result that decide whether the host goes on to the
 * next step. Any {@code Predicate<Result>} written at the prompt works the same way.
 */
public final class Pick {
    private Pick() {
    }

    /** The pipeline step that keeps only hosts whose last result passes {@code test}. */
    public static Step pick(Predicate<Result> test) {
        return stage -> new Stage(stage.results().pick(test), stage.results());
    }

    public static Predicate<Result> successful() {
        return Result::ok;
    }

    public static Predicate<Result> failed() {
        return r -> !r.ok();
    }

    public static Predicate<Result> exitCode(int code) {
        return r -> r.outcome() != Outcome.ERROR && r.exitCode() == code;
    }

    public static Predicate<Result> outcome(Outcome wanted) {
        return r -> r.outcome() == wanted;
    }

    /** Hosts whose stdout contains {@code text}. */
    public static Predicate<Result> outputContains(String text) {
        return r -> r.stdout().contains(text);
    }
}
