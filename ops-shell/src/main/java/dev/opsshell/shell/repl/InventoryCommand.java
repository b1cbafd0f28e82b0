package dev.opsshell.shell.repl;

import dev.opsshell.core.Session;
import dev.opsshell.core.inventory.Inventory;
import dev.opsshell.core.OpsException;

import java.io.PrintStream;

/** {@code /inventory}: what the inventory holds; {@code /inventory reload}: read its file again now. */
final class InventoryCommand {
    private InventoryCommand() {
    }

    static void run(String arg, PrintStream out, PrintStream err) {
        Session session = Session.current();
        switch (arg) {
            case "" -> out.println(session.inventory());
            case "reload" -> {
                try {
                    Inventory inv = session.reloadInventory();
                    out.println("inventory reloaded: " + inv.hostCount() + " (" + inv.source() + ")");
                } catch (OpsException e) { // a malformed file (file:line: …) or none to read: the previous one stays
                    err.println("inventory not reloaded: " + e.getMessage() + "; still using the previous one");
                }
            }
            default -> err.println("/inventory takes nothing or 'reload', not '" + arg + "'");
        }
    }
}
