package dev.opsshell.shell.repl;

import java.util.List;

/**
 * What one evaluated snippet gave back, ready to print: text for stdout (the echo), text for
 * stderr (a short compile error or exception), and the raw value or throwable behind them.
 *
 * @param status what kind of reply this is
 * @param echo   the lines to print on stdout, possibly none
 * @param error  the short error text for stderr, or empty
 * @param value  the snippet's value as an object, or null when it had none
 * @param thrown the exception the snippet threw, or null
 * @param line   the line inside the snippet the error points at (1-based), or 0 when unknown
 */
public record Reply(Status status, List<String> echo, String error, Object value, Throwable thrown, int line) {

    /** How a snippet ended. */
    enum Status { OK, COMPILE_ERROR, EXCEPTION }

    public Reply {
        echo = List.copyOf(echo);
        error = error == null ? "" : error;
    }

    static Reply ok(List<String> echo, Object value) {
        return new Reply(Status.OK, echo, "", value, null, 0);
    }

    public boolean failed() {
        return status != Status.OK;
    }
}
