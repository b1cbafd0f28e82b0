package dev.opsshell.shell;

import picocli.CommandLine;

/** The version {@code ops --version} prints: the jar's Implementation-Version and the JVM it runs on. */
final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = Main.class.getPackage().getImplementationVersion();
        return new String[]{
                "ops " + (v == null ? "(development build)" : v),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"};
    }
}
