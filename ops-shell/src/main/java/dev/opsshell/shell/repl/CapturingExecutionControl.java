package dev.opsshell.shell.repl;

import jdk.jshell.execution.LocalExecutionControl;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * JShell's in-process execution engine, extended to keep the last value and the last exception as
 * real objects rather than strings: the shell needs the object to decide how to echo it (a Results
 * already printed is not printed again) and which exit code a script ends with, and the throwable
 * for {@code lastError()}. Snippets run in this JVM, so connections and pools live across lines.
 */
final class CapturingExecutionControl extends LocalExecutionControl {
    private final Captured captured;

    CapturingExecutionControl(Captured captured) {
        this.captured = captured;
    }

    @Override
    protected String invoke(Method doitMethod) throws Exception {
        captured.reset();
        try {
            String text = super.invoke(doitMethod);
            captured.value(snippetValue(doitMethod.getDeclaringClass()));
            return text;
        } catch (InvocationTargetException e) {
            captured.error(e.getCause() == null ? e : e.getCause());
            throw e;
        }
    }

    @Override
    public void load(ClassBytecodes[] classes) throws ClassInstallException, NotImplementedException, EngineTerminationException {
        super.load(classes);
        for (ClassBytecodes c : classes) captured.loaded(c.name());
    }

    /** A method's new body replaces the old one in place when the JVM lets {@link ClassRedefinition} do it. */
    @Override
    public void redefine(ClassBytecodes[] classes) throws ClassInstallException, NotImplementedException {
        if (!ClassRedefinition.available()) throw new NotImplementedException("redefine needs the jar's launcher agent");
        ClassRedefinition.redefine(classes, this::findClass);
        for (ClassBytecodes c : classes) captured.loaded(c.name());
    }

    /**
     * A variable's value as text (for {@code /vars}, and when the shell asks about a variable typed
     * alone). A lambda's text would be its class name: it reads as {@link LambdaSources} tells, and
     * the object itself is kept for the echo.
     */
    @Override
    public String varValue(String className, String varName) throws RunException, EngineTerminationException, InternalException {
        try {
            Field f = findClass(className).getDeclaredField(varName);
            f.setAccessible(true);
            Object v = f.get(null);
            if (v != null && LambdaSources.isLambda(v)) {
                captured.value(v);
                return captured.lambdaText().apply(v);
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            // not readable here: JShell's own text of the value is shown
        }
        return super.varValue(className, varName);
    }

    /**
     * The value an expression or variable snippet produced: JShell wraps such a snippet in a class
     * with one public static field holding it. Other snippets (methods, statements) have none.
     */
    private static Object snippetValue(Class<?> wrapper) {
        Field only = null;
        for (Field f : wrapper.getDeclaredFields()) {
            if (!Modifier.isStatic(f.getModifiers()) || !Modifier.isPublic(f.getModifiers()) || f.isSynthetic()) {
                continue;
            }
            if (only != null) return Captured.NONE;
            only = f;
        }
        if (only == null) return Captured.NONE;
        try {
            only.setAccessible(true); // JShell's wrapper classes are not public
            return only.get(null);
        } catch (IllegalAccessException | RuntimeException e) {
            return Captured.NONE; // not readable: the shell falls back to JShell's own text of the value
        }
    }

    /** What the last snippet left behind; written by the snippet's thread, read by the shell's. */
    static final class Captured {
        static final Object NONE = new Object();
        private volatile Object value = NONE;
        private volatile Throwable error;
        private final List<String> loaded = new ArrayList<>(); // guarded by itself
        private volatile Function<Object, String> lambdaText = LambdaSources::describeWithoutSource;

        void lambdaText(Function<Object, String> describe) {
            lambdaText = describe;
        }

        Function<Object, String> lambdaText() {
            return lambdaText;
        }

        void reset() {
            value = NONE;
            error = null;
        }

        void value(Object v) {
            value = v;
        }

        void error(Throwable t) {
            error = t;
        }

        Object value() {
            return value;
        }

        Throwable error() {
            return error;
        }

        void loaded(String className) {
            synchronized (loaded) {
                loaded.add(className);
            }
        }

        /** The classes loaded since the last call, by name ({@code REPL.$JShell$12}). */
        List<String> takeLoaded() {
            synchronized (loaded) {
                List<String> names = List.copyOf(loaded);
                loaded.clear();
                return names;
            }
        }
    }
}
