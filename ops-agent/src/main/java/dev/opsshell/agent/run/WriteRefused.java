package dev.opsshell.agent.run;

import java.io.IOException;

/** A file write the agent will not do, with a message that says why and what to do instead. */
final class WriteRefused extends IOException {
    WriteRefused(String message) {
        super(message);
    }
}
