package dev.opsshell.core.inventory;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** Test fixtures under src/test/resources/inventory. */
final class Fixtures {
    private Fixtures() {
    }

    static Path path(String name) {
        try {
            return Path.of(Fixtures.class.getResource("/inventory/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("missing test fixture inventory/" + name, e);
        }
    }

    static Inventory load(String name) {
        return InventoryLoader.load(path(name));
    }

    /** Parses text as if it were the file {@code name}. */
    static Inventory parse(String name, String text) {
        return InventoryLoader.parse(Path.of(name), text);
    }
}
