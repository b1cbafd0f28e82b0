package dev.opsshell.shell.terminal;

import java.io.Console;
import java.lang.reflect.Method;

/** Whether the shell talks to a person at a terminal (stdin and stdout both a tty) or to a pipe. */
public final class Tty {
    private Tty() {
    }

    public static boolean interactive() {
        Console c = System.console();
        if (c == null) return false;
        try {
            // Java 22+ returns a console even when redirected; isTerminal() tells the truth there
            Method isTerminal = Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(c);
        } catch (NoSuchMethodException e) {
            return true; // Java 17–21: a console exists only when both ends are a terminal
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }
}
