package dev.opsshell.shell.repl;

import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

import java.util.Map;

/** Supplies JShell with a {@link CapturingExecutionControl}: local, in-process execution. */
final class CapturingEngine implements ExecutionControlProvider {
    private final CapturingExecutionControl.Captured captured;

    CapturingEngine(CapturingExecutionControl.Captured captured) {
        this.captured = captured;
    }

    @Override
    public String name() {
        return "ops-local";
    }

    @Override
    public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
        return new CapturingExecutionControl(captured);
    }
}
