import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * Rewrites signed jars (BouncyCastle's) without their signature and with a manifest of only the
 * attributes the JVM reads (Multi-Release and the like), in place. Run by scripts/ops after a build: a signed jar costs every start of ops
 * (opening bcprov scans its 750 KB manifest, about 40 ms of CPU; the first class loaded from it makes
 * the JVM verify the signature, about 150 ms; class-data sharing skips signed jars). OpenJDK does not
 * need a signed JCA provider. Unsigned jars are left alone.
 *
 *   java scripts/ops.d/UnsignJars.java JAR...
 */
public final class UnsignJars {
    public static void main(String[] args) throws IOException {
        for (String name : args) unsign(Path.of(name));
    }

    private static boolean signature(String entry) {
        String e = entry.toUpperCase();
        return e.startsWith("META-INF/") && e.indexOf('/', 9) < 0
                && (e.endsWith(".SF") || e.endsWith(".DSA") || e.endsWith(".RSA") || e.endsWith(".EC"));
    }

    private static void unsign(Path jar) throws IOException {
        Path tmp = jar.resolveSibling(jar.getFileName() + ".unsigning");
        try (JarFile in = new JarFile(jar.toFile(), false)) {
            if (in.stream().noneMatch(e -> signature(e.getName()))) return;
            Manifest manifest = new Manifest();
            Attributes main = manifest.getMainAttributes();
            main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
            Manifest old = in.getManifest();
            if (old != null) { // only what the JVM reads from a class path jar; the OSGi headers are 30 KB
                for (String keep : new String[] {"Multi-Release", "Automatic-Module-Name", "Main-Class", "Class-Path"}) {
                    String value = old.getMainAttributes().getValue(keep);
                    if (value != null) main.putValue(keep, value);
                }
            }
            try (OutputStream file = Files.newOutputStream(tmp); JarOutputStream out = new JarOutputStream(file, manifest)) {
                for (JarEntry e : (Iterable<JarEntry>) in.stream()::iterator) {
                    String n = e.getName();
                    if (signature(n) || n.equalsIgnoreCase("META-INF/MANIFEST.MF") || n.equalsIgnoreCase("META-INF/")) continue;
                    JarEntry copy = new JarEntry(n);
                    copy.setTime(e.getTime());
                    out.putNextEntry(copy);
                    try (InputStream data = in.getInputStream(e)) {
                        data.transferTo(out);
                    }
                    out.closeEntry();
                }
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
