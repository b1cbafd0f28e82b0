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
        assertTrue(text.contains("Reports (docs/report.md)") && text.contains("report()"), text);
    }

    @Test
    void everyLineInTheTableNamesAMethodThatExists() {
        java.util.Set<String> names = new java.util.HashSet<>();
        for (Class<?> c : Help.VOCABULARY) for (var m : c.getDeclaredMethods()) names.add(m.getName());
        Help.TABLE.values().forEach(section -> section.keySet().forEach(usage ->
                assertTrue(names.contains(Help.nameOf(usage)), "Help.TABLE describes a missing method: " + usage)));
    }

    @Test
    void noTwoVocabularyClassesDeclareTheSameMethodTheShellImportsBoth() {
        // the shell imports every vocabulary class with import static …*: a name with the same
        // parameter types in two of them makes each use of it ambiguous (command(String) once)
        java.util.Map<String, String> seen = new java.util.HashMap<>();
        java.util.List<String> clashes = new java.util.ArrayList<>();
        for (Class<?> c : Help.VOCABULARY) {
            for (var m : c.getDeclaredMethods()) {
                int mod = m.getModifiers();
                if (!java.lang.reflect.Modifier.isPublic(mod) || !java.lang.reflect.Modifier.isStatic(mod)) continue;
                String key = m.getName() + java.util.Arrays.toString(m.getParameterTypes());
                String before = seen.putIfAbsent(key, c.getSimpleName());
                if (before != null && !before.equals(c.getSimpleName())) clashes.add(before + " and " + c.getSimpleName() + ": " + key);
            }
        }
        assertEquals(java.util.List.of(), clashes);
    }
}
