package dev.opsshell.shell.repl;

import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits typed or scripted text into complete Java snippets with JShell's own source analysis
 * ({@code eval} runs only the first snippet of a string). Whatever is left unfinished — an open
 * brace, a method header without a body — comes back as the remainder, to be continued.
 */
public final class Snippets {
    private Snippets() {
    }

    /**
     * @param complete  the snippets to evaluate, in order
     * @param remainder the unfinished text after them; blank when the input was all complete
     */
    public record Split(List<String> complete, String remainder) {
        public Split {
            complete = List.copyOf(complete);
        }

        public boolean unfinished() {
            return !remainder.isBlank();
        }
    }

    static Split split(SourceCodeAnalysis analysis, String input) {
        List<String> out = new ArrayList<>();
        String rest = input;
        while (!rest.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
            Completeness c = info.completeness();
            if (c == Completeness.EMPTY) return new Split(out, "");
            if (c == Completeness.DEFINITELY_INCOMPLETE || c == Completeness.CONSIDERED_INCOMPLETE) {
                return new Split(out, rest);
            }
            String source = c == Completeness.UNKNOWN && info.source() == null ? rest : info.source();
            if (source == null || source.isBlank()) return new Split(out, "");
            out.add(source);
            String remaining = info.remaining();
            if (c == Completeness.UNKNOWN || remaining == null || remaining.length() >= rest.length()) break;
            rest = remaining;
        }
        return new Split(out, "");
    }
}
