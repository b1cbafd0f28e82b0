package dev.opsshell.shell.repl;

import jdk.jshell.spi.ExecutionControl.ClassBytecodes;
import jdk.jshell.spi.ExecutionControl.ClassInstallException;

import java.lang.instrument.ClassDefinition;
import java.lang.instrument.Instrumentation;
import java.lang.instrument.UnmodifiableClassException;

/**
 * Replaces the code of classes JShell already loaded, as its default (remote) engine does over
 * JDI: the jar names this class as its {@code Launcher-Agent-Class}, so {@code java -jar} hands it
 * the JVM's {@link Instrumentation} before {@code main}. With it, redefining a method (at the
 * prompt or by reloading a library file) swaps the method's body in place; without it JShell must
 * load the method under a new class and recompile what uses it, which resets variables whose
 * initializer called it ({@code var r = deploy(web)} would become null) and leaves lambdas made
 * earlier calling the old body. Only what the JVM allows is swapped (method bodies, not added
 * fields or changed signatures); for anything else JShell falls back to that new class. A variable
 * declared again is a new value, not new code: its wrapper (the one with JShell's {@code do_it$}
 * method, as for expressions and statements) is never swapped, so a lambda kept from the old
 * declaration still runs the old text.
 */
public final class ClassRedefinition {
    /** The method JShell runs a variable's initializer, an expression or a statement in. */
    private static final String DO_IT = "do_it$";
    private static volatile Instrumentation instrumentation;

    private ClassRedefinition() {
    }

    /** Called by the JVM before {@code main} when started with {@code java -jar}. */
    public static void agentmain(String args, Instrumentation inst) {
        install(inst);
    }

    /** Uses {@code inst} from now on (tests install one obtained by attaching to themselves). */
    public static void install(Instrumentation inst) {
        if (inst.isRedefineClassesSupported()) instrumentation = inst;
    }

    static boolean available() {
        return instrumentation != null;
    }

    /** How JShell's engine finds a class it loaded, by name. */
    interface Loaded {
        Class<?> find(String name) throws ClassNotFoundException;
    }

    /** Swaps in the new bytes of classes already loaded; throws when the JVM refuses (JShell then replaces them). */
    static void redefine(ClassBytecodes[] classes, Loaded loaded) throws ClassInstallException {
        Instrumentation inst = instrumentation;
        if (inst == null) throw new ClassInstallException("no instrumentation: classes cannot be redefined", new boolean[classes.length]);
        try {
            ClassDefinition[] defs = new ClassDefinition[classes.length];
            for (int i = 0; i < classes.length; i++) {
                Class<?> c = loaded.find(classes[i].name());
                if (runsCode(c)) throw new ClassInstallException("a variable or statement is not redefined in place", new boolean[classes.length]);
                defs[i] = new ClassDefinition(c, classes[i].bytecodes());
            }
            inst.redefineClasses(defs);
        } catch (ClassNotFoundException | UnmodifiableClassException | UnsupportedOperationException | LinkageError e) {
            throw new ClassInstallException("redefine: " + e, new boolean[classes.length]);
        }
    }

    /** A wrapper JShell runs (a variable's initializer, an expression, a statement), not one that only declares. */
    private static boolean runsCode(Class<?> wrapper) {
        for (java.lang.reflect.Method m : wrapper.getDeclaredMethods()) if (m.getName().equals(DO_IT)) return true;
        return false;
    }
}
