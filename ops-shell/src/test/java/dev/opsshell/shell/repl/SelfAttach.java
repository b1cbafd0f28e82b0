package dev.opsshell.shell.repl;

import com.sun.tools.attach.VirtualMachine;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * Gives this test JVM what {@code java -jar ops-shell.jar} gets from the jar's launcher agent:
 * {@link ClassRedefinition} with the JVM's Instrumentation. It loads an agent jar holding only a
 * manifest that names {@link ClassRedefinition} (already on the class path) into this very JVM,
 * which needs {@code -Djdk.attach.allowAttachSelf=true} (set in the pom for the unit tests).
 */
final class SelfAttach {
    private SelfAttach() {
    }

    static synchronized void redefinitionAsTheJarHasIt() throws Exception {
        if (ClassRedefinition.available()) return;
        Path jar = Files.createTempFile("ops-redefinition-agent", ".jar");
        try {
            Manifest m = new Manifest();
            m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
            m.getMainAttributes().putValue("Agent-Class", ClassRedefinition.class.getName());
            m.getMainAttributes().putValue("Can-Redefine-Classes", "true");
            try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out, m)) {
                j.flush();
            }
            VirtualMachine vm = VirtualMachine.attach(String.valueOf(ProcessHandle.current().pid()));
            try {
                vm.loadAgent(jar.toString());
            } finally {
                vm.detach();
            }
        } finally {
            deleteQuietly(jar);
        }
        if (!ClassRedefinition.available()) throw new IllegalStateException("the agent did not install");
    }

    private static void deleteQuietly(Path jar) throws IOException {
        Files.deleteIfExists(jar);
    }
}
