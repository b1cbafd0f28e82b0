package dev.opsshell.shell.repl;

import jdk.jshell.DeclarationSnippet;
import jdk.jshell.JShell;
import jdk.jshell.MethodSnippet;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.TypeDeclSnippet;

import java.util.stream.Collectors;

/** The one-line note the prompt prints when a method or type is declared or redefined. */
final class Declarations {
    private Declarations() {
    }

    static String describe(JShell jshell, SnippetEvent e) {
        Snippet s = e.snippet();
        String verb = e.previousStatus() == Snippet.Status.NONEXISTENT ? "created" : "replaced";
        String what;
        if (s instanceof MethodSnippet m) {
            what = "method " + m.name() + "(" + m.parameterTypes() + ")";
        } else if (s instanceof TypeDeclSnippet t) {
            what = kindOf(t) + " " + t.name();
        } else {
            what = s.toString();
        }
        String line = verb + " " + what;
        if (s instanceof DeclarationSnippet d && e.status() == Snippet.Status.RECOVERABLE_DEFINED) {
            String missing = jshell.unresolvedDependencies(d).collect(Collectors.joining(", "));
            line += ", but it cannot be used until " + missing + " is defined";
        }
        return line;
    }

    private static String kindOf(TypeDeclSnippet t) {
        return switch (t.subKind()) {
            case INTERFACE_SUBKIND -> "interface";
            case ENUM_SUBKIND -> "enum";
            case ANNOTATION_TYPE_SUBKIND -> "annotation";
            case RECORD_SUBKIND -> "record";
            default -> "class";
        };
    }
}
