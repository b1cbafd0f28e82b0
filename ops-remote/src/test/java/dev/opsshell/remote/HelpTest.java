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
    void aTerminalEightyColumnsWideGetsEveryDescriptionWrappedWithinIt() {
        String text = Help.text(80);
        assertEquals(java.util.List.of(), text.lines().filter(l -> l.length() > 80).toList());
        java.util.List<String> lines = text.lines().toList();
        // a usage too long to leave room beside it stands alone, its description indented below it
        int every = lines.indexOf("  every(Duration.ofMinutes(5), \"disk\", () -> hosts(\"web\").exec(\"df -h\"))");
        assertTrue(every >= 0, text);
        assertTrue(lines.get(every + 1).matches(" {40}run a lambda every period.*"), lines.get(every + 1));
        // a short one keeps its description beside it
        assertTrue(lines.stream().anyMatch(l -> l.matches("  help\\(\\) +this list")), text);
        // nothing is lost: the words are those of the one-line layout
        assertEquals(java.util.Arrays.asList(Help.text().split("\\s+")), java.util.Arrays.asList(text.split("\\s+")));
    }

    @Test
    void withoutAWidthEachEntryIsOneLine() {
        assertTrue(Help.text().lines().anyMatch(l -> l.startsWith("  history()  ") && l.endsWith(".between(from, to) .last(10)")),
                Help.text());
        assertEquals(Help.text(), Help.text(0));
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
