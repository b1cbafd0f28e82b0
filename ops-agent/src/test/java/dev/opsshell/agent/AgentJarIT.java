package dev.opsshell.agent;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** The runnable ops-agent.jar carries ops' jeromq poller (jeromq#1022) and jnacl curve25519, not the libraries' own. */
class AgentJarIT {
    @Test
    void theShadedJarHoldsOpsClassesInsteadOfTheLibrariesOwn() throws IOException {
        Path target = Path.of("target");
        try (ZipFile jar = new ZipFile(target.resolve("ops-agent.jar").toFile())) {
            for (String name : new String[] {"zmq/poll/Poller.class", "zmq/poll/Poller$Handle.class",
                    "com/neilalexander/jnacl/crypto/curve25519.class"}) {
                ZipEntry entry = jar.getEntry(name);
                assertNotNull(entry, name + " is missing from ops-agent.jar");
                try (InputStream in = jar.getInputStream(entry)) {
                    assertArrayEquals(Files.readAllBytes(target.resolve("classes").resolve(name)), in.readAllBytes(),
                            name + " in ops-agent.jar is the library's, not ops-agent's");
                }
            }
        }
    }
}
