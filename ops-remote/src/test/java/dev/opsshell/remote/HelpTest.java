package dev.opsshell.remote;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HelpTest {

    @Test
    void everyPublicMethodOfTheVocabularyHasAHelpLine() {
        assertEquals(java.util.List.of(), Help.undocumented(),
                "add a line for these Ops methods to Help.TABLE (ops-remote/.../remote/Help.java)");
    }

    @Test
    void helpTextListsMethodsWithTheirDescriptions() {
        String text = Help.text();
        assertTrue(text.contains("hosts(\"web\")"), text);
        assertTrue(text.contains("run a shell command on every host"), text);
        assertTrue(text.contains("Systems (") && text.contains("create(kvm(), small(), type(\"web\"), 2)"), text);
        assertTrue(text.lines().noneMatch(l -> l.startsWith("Also (not described yet)")), text);
    }

    @Test
    void everyLineInTheTableNamesAMethodThatExists() {
        java.util.Set<String> names = new java.util.HashSet<>();
        for (Class<?> c : Help.VOCABULARY) for (var m : c.getDeclaredMethods()) names.add(m.getName());
        Help.TABLE.values().forEach(section -> section.keySet().forEach(usage ->
                assertTrue(names.contains(Help.nameOf(usage)), "Help.TABLE describes a missing method: " + usage)));
    }
}
