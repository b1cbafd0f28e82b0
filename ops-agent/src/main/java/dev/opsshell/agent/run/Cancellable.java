package dev.opsshell.agent.run;

/** A running request that can be stopped early. */
interface Cancellable {
    void cancel();
}
