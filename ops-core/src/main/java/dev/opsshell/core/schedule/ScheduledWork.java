package dev.opsshell.core.schedule;

/**
 * What a schedule runs: any lambda, {@code () -> hosts("web").exec("uptime")}. What it returns
 * judges the run ({@link RunOutcome#of}); throwing is a failed run, never the schedule's end.
 */
@FunctionalInterface
public interface ScheduledWork {
    Object run() throws Exception;
}
