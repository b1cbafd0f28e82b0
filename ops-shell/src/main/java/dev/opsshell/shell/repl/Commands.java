package dev.opsshell.shell.repl;

import dev.opsshell.remote.Help;
import jdk.jshell.JShell;
import jdk.jshell.MethodSnippet;
import jdk.jshell.Snippet;
import jdk.jshell.VarSnippet;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The shell's own commands, typed on a line of their own: {@code /help}, {@code /exit [code]},
 * {@code /vars}, {@code /methods}, {@code /imports}, {@code /list}, {@code /drop NAME|ID},
 * {@code /trace}, {@code /reload}, {@code /open FILE}, {@code /reset} (at the prompt),
 * {@code /inventory [reload]}. Anything else starting with '/' gets a message listing these.
 */
public final class Commands {
    /** Each command and what it does, as {@code /help} prints them. */
    static final Map<String, String> ALL = new LinkedHashMap<>();

    static {
        ALL.put("/help", "the vocabulary and these commands (help() at the prompt does the same)");
        ALL.put("/exit", "leave the shell (/exit 3 exits with code 3); Ctrl-D does the same");
        ALL.put("/vars", "the variables defined so far, with their values");
        ALL.put("/methods", "the methods defined so far");
        ALL.put("/imports", "the imports in effect");
        ALL.put("/list", "the snippets typed so far, with their ids");
        ALL.put("/drop", "forget a variable, method or class: /drop NAME or /drop ID");
        ALL.put("/trace", "the full stack trace of the last exception (also lastError())");
        ALL.put("/reload", "load the library's changed .jsh files again (saving one does it at the prompt)");
        ALL.put("/open", "load a .jsh file by hand: /open FILE; it is reloaded with the library from then on");
        ALL.put("/reset", "forget everything typed so far (the session and its connections stay)");
        ALL.put("/inventory", "where the inventory comes from and what it holds; /inventory reload reads it again");
    }

    /** What the caller should do after a command. */
    public record Outcome(boolean exit, int code) {
        public static final Outcome CONTINUE = new Outcome(false, 0);
    }

    private Commands() {
    }

    static List<String> names() {
        return List.copyOf(ALL.keySet());
    }

    public static Outcome run(String line, Evaluator evaluator, PrintStream out, PrintStream err) {
        return evaluator.exclusively(() -> runAlone(line, evaluator, out, err));
    }

    private static Outcome runAlone(String line, Evaluator evaluator, PrintStream out, PrintStream err) {
        String[] words = line.strip().split("\\s+", 2);
        String arg = words.length > 1 ? words[1].strip() : "";
        JShell js = evaluator.jshell();
        switch (words[0]) {
            case "/exit" -> {
                return exit(arg, evaluator, err);
            }
            case "/help", "/?" -> {
                out.print(Help.text(dev.opsshell.core.Session.current().columns()));
                out.println("Shell commands");
                ALL.forEach((k, v) -> out.println("  " + k + " ".repeat(10 - k.length()) + v));
                out.println("Keys: Tab completes (also group and host names inside hosts(\"…\")), Up/Down history,");
                out.println("      Ctrl-C cancels a running fan-out or clears the line, Ctrl-D exits.");
            }
            case "/vars" -> js.variables().filter(v -> js.status(v).isActive()).forEach(v ->
                    out.println(v.typeName() + " " + v.name() + " = " + oneLine(js.varValue(v))));
            case "/methods" -> js.methods().filter(m -> js.status(m).isActive()).forEach(m ->
                    out.println(m.name() + "(" + m.parameterTypes() + ")" + returnType(m)));
            case "/imports" -> js.imports().filter(i -> js.status(i).isActive())  // the startup's are one snippet
                    .flatMap(i -> Arrays.stream(i.source().strip().split("(?<=;)\\s+"))).forEach(out::println);
            case "/list" -> js.snippets().filter(s -> js.status(s).isActive() && isUsers(s)).forEach(s ->
                    out.println(String.format("%4s: %s", s.id(), s.source().strip().replace("\n", "\n      "))));
            case "/drop" -> drop(arg, js, out, err);
            case "/inventory" -> InventoryCommand.run(arg, out, err);
            case "/trace" -> out.println(Shell.trace());
            case "/reload" -> reload(evaluator.library(), out, err);
            case "/open" -> {
                if (arg.isEmpty()) err.println("/open needs a file: /open ~/ops/deploy.jsh");
                else print(evaluator.library().open(Path.of(arg.startsWith("~/") ? System.getProperty("user.home") + arg.substring(1) : arg)), out, err);
            }
            case "/reset" -> err.println("/reset works at the prompt only; a script starts fresh each run");
            default -> err.println("unknown command " + words[0] + "; the commands are " + String.join(" ", names())
                    + " (Java code never starts with '/')");
        }
        out.flush();
        return Outcome.CONTINUE;
    }

    private static void reload(Library library, PrintStream out, PrintStream err) {
        Library.Report r = library.reload();
        if (r.isEmpty()) out.println("the library is unchanged (" + library.describeFolders() + ")");
        else print(r, out, err);
    }

    private static void print(Library.Report r, PrintStream out, PrintStream err) {
        r.changes().forEach(out::println);
        out.flush();
        r.problems().forEach(err::println);
        err.flush();
    }

    private static Outcome exit(String arg, Evaluator evaluator, PrintStream err) {
        if (arg.isEmpty()) return new Outcome(true, evaluator.lastExitCode());
        try {
            return new Outcome(true, Integer.parseInt(arg));
        } catch (NumberFormatException e) {
            err.println("/exit takes a number, not '" + arg + "'");
            return Outcome.CONTINUE;
        }
    }

    private static void drop(String arg, JShell js, PrintStream out, PrintStream err) {
        if (arg.isEmpty()) {
            err.println("/drop needs a name or id; /list shows them");
            return;
        }
        List<Snippet> matches = js.snippets().filter(s -> js.status(s).isActive() && isUsers(s))
                .filter(s -> s.id().equals(arg) || arg.equals(nameOf(s))).toList();
        if (matches.isEmpty()) {
            err.println("nothing named '" + arg + "' to drop; /list shows what there is");
            return;
        }
        for (Snippet s : matches) {
            js.drop(s);
            out.println("dropped " + (nameOf(s) == null ? "#" + s.id() : nameOf(s)));
        }
    }

    private static String nameOf(Snippet s) {
        return s instanceof jdk.jshell.DeclarationSnippet d ? d.name() : null;
    }

    /** Snippets the operator typed, not the shell's own startup imports and args. */
    private static boolean isUsers(Snippet s) {
        return !Evaluator.STARTUP_SNIPPET.equals(s.source().strip()) && !(s instanceof VarSnippet v && v.name().equals("args")
                && s.source().startsWith("String[] args = {"));
    }

    private static String returnType(MethodSnippet m) {
        String sig = m.signature();
        int close = sig.lastIndexOf(')');
        return close < 0 || close == sig.length() - 1 ? "" : " → " + sig.substring(close + 1);
    }

    private static String oneLine(String s) {
        String t = s == null ? "" : s.replace("\n", " ⏎ ");
        return t.length() > 120 ? t.substring(0, 119) + "…" : t;
    }
}
