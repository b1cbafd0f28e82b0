package dev.opsshell.shell.repl;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * The class path of the running JVM, as JShell's compiler needs it: every entry of
 * {@code java.class.path} plus the jars a jar's manifest {@code Class-Path} names (with
 * {@code java -jar ops-shell.jar} the class path property holds only that one jar).
 */
final class ClassPath {
    private ClassPath() {
    }

    static List<String> ofThisJvm() {
        Set<String> entries = new LinkedHashSet<>();
        for (String e : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (e.isBlank()) continue;
            entries.add(e);
            if (e.endsWith(".jar")) entries.addAll(manifestClassPath(Path.of(e)));
        }
        return new ArrayList<>(entries);
    }

    private static List<String> manifestClassPath(Path jar) {
        List<String> out = new ArrayList<>();
        if (!Files.isRegularFile(jar)) return out;
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest m = file.getManifest();
            String cp = m == null ? null : m.getMainAttributes().getValue("Class-Path");
            if (cp == null) return out;
            java.net.URI dir = jar.toAbsolutePath().getParent().toUri();
            for (String rel : cp.trim().split("\\s+")) {
                Path p = Path.of(dir.resolve(rel)); // relative names and file: URLs alike
                if (Files.exists(p)) out.add(p.toString());
            }
        } catch (IOException | IllegalArgumentException e) {
            // an unreadable jar adds nothing; JShell then reports the missing symbols itself
        }
        return out;
    }
}
