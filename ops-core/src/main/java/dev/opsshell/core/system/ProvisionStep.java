package dev.opsshell.core.system;

/**
 * One step of a type's provisioning plan, run in order on the new machine: a local shell script
 * run there, a file uploaded, a {@code .jsh} recipe evaluated in the shell against the machine's
 * hosts, or a command line.
 */
public sealed interface ProvisionStep {
    String describe();

    record Script(String path) implements ProvisionStep {
        public String describe() { return "script " + path; }
    }

    record Upload(String localPath, String remotePath) implements ProvisionStep {
        public String describe() { return "upload " + localPath + " -> " + remotePath; }
    }

    record Recipe(String path) implements ProvisionStep {
        public String describe() { return "recipe " + path; }
    }

    record Command(String line) implements ProvisionStep {
        public String describe() { return "command " + line; }
    }
}
