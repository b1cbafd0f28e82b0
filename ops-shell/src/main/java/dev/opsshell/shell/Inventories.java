package dev.opsshell.shell;

import dev.opsshell.core.inventory.Inventory;
import dev.opsshell.core.inventory.InventoryException;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds and loads the inventory the shell works with: {@code --inventory FILE}, else
 * {@code $OPS_INVENTORY}, else {@code ~/.ops/inventory} when it exists; with none, only
 * {@code localhost} exists and runs locally.
 */
final class Inventories {
    private Inventories() {
    }

    static Inventory load(Path flag) {
        Path file = resolve(flag);
        if (file == null) return Inventory.localOnly();
        if (!Files.isRegularFile(file)) {
            throw new InventoryException("inventory " + file + " does not exist or is not a file; "
                    + "pass one with --inventory FILE or remove the setting");
        }
        throw new InventoryException(file + ": reading inventory files is not in this build yet "
                + "(the INI/YAML parser lands with InventoryLoader); run without --inventory for localhost");
    }

    static Path resolve(Path flag) {
        if (flag != null) return flag;
        String env = System.getenv("OPS_INVENTORY");
        if (env != null && !env.isBlank()) return Path.of(env);
        Path home = Path.of(System.getProperty("user.home"), ".ops", "inventory");
        return Files.isRegularFile(home) ? home : null;
    }
}
