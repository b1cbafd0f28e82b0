package dev.opsshell.shell.repl;

import dev.opsshell.core.Session;
import dev.opsshell.core.driver.DriverException;
import dev.opsshell.core.host.Hosts;
import dev.opsshell.remote.ssh.SshLab;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A type's .jsh recipe run as provisioning runs it: its own JShell, hosts bound to a real SSH host of the lab. */
@ExtendWith(SshLab.class)
class RecipesIT {
    @TempDir
    Path dir;
    private Session session;

    @BeforeEach
    void session() {
        session = SshLab.lab().session();
        Session.setCurrent(session);
    }

    @AfterEach
    void close() {
        Session.setCurrent(null);
        session.close();
    }

    private static Hosts lab() {
        return Hosts.of("web-1", List.of(SshLab.lab().host("web-1", "127.0.1.1", "root", java.util.Map.of())));
    }

    @Test
    void aRecipeRunsTheVocabularyOnTheBoundHosts() throws Exception {
        Path marker = dir.resolve("marker");
        Path recipe = Files.writeString(dir.resolve("web.jsh"), """
                var r = hosts.exec("echo provisioned $SSH_CONNECTION > %s");
                if (!r.allOk()) throw new IllegalStateException(r.prettyText(false));
                """.formatted(marker));
        Recipes.run(recipe, lab());
        String written = Files.readString(marker);
        assertTrue(written.startsWith("provisioned ") && written.contains(" 127.0.1.1 " + SshLab.PORT), written);
    }

    @Test
    void aRecipeThatThrowsOrDoesNotCompileFailsWithItsFileAndLine() throws Exception {
        Path throwing = Files.writeString(dir.resolve("throwing.jsh"), """
                int ready = 1;
                if (hosts.size() == ready) throw new IllegalStateException("not on this host");
                """);
        DriverException e = assertThrows(DriverException.class, () -> Recipes.run(throwing, lab()));
        assertTrue(e.getMessage().contains("recipe " + throwing + " failed") && e.getMessage().contains("not on this host"),
                e.getMessage());

        Path broken = Files.writeString(dir.resolve("broken.jsh"), "int a = 1;\nhosts.exce(\"true\");\n");
        e = assertThrows(DriverException.class, () -> Recipes.run(broken, lab()));
        assertTrue(e.getMessage().contains(broken + ":2:") && e.getMessage().contains("cannot find symbol"), e.getMessage());

        e = assertThrows(DriverException.class, () -> Recipes.run(dir.resolve("absent.jsh"), lab()));
        assertTrue(e.getMessage().contains("cannot be read"), e.getMessage());
        assertEquals(null, Shell.lastError() == null ? null : "the shell's lastError()",
                "a recipe's error is not the prompt's lastError()");
    }
}
