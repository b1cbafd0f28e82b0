package dev.opsshell.shell.repl;

import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;

import java.util.ArrayList;
import java.util.List;

/**
 * A library file's whole text cut into JShell snippets, each with the line it starts on, by the
 * rules a script follows: JShell's own analysis finds where a snippet ends, a line starting with
 * '.' continues the snippet above it. Shell commands ({@code /open}) are not run from a library
 * file; they and an unfinished last snippet come back as problems with their line.
 */
final class SourcePieces {
    /** One snippet's source and the 1-based line of the file it starts on. */
    record Piece(String source, int line) {
    }

    /** A line the file got wrong, and what is wrong with it. */
    record Problem(int line, String message) {
    }

    /** The pieces, in file order, and the problems found while cutting. */
    record Cut(List<Piece> pieces, List<Problem> problems) {
        Cut {
            pieces = List.copyOf(pieces);
            problems = List.copyOf(problems);
        }
    }

    private SourcePieces() {
    }

    static Cut cut(SourceCodeAnalysis analysis, String text) {
        String[] lines = text.replace("\r\n", "\n").split("\n", -1);
        List<Piece> pieces = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        StringBuilder pending = new StringBuilder();
        int pendingLine = 0;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (pending.toString().isBlank()) {
                if (line.isBlank()) continue;
                if (ScriptRunner.isCommand(line)) {
                    problems.add(new Problem(i + 1, "shell commands such as " + line.strip().split("\\s+")[0]
                            + " do not run from a library file; write Java here, or use /open at the prompt"));
                    continue;
                }
                pending.setLength(0);
                pendingLine = i + 1;
            }
            pending.append(line).append('\n');
            if (continuedBelow(lines, i)) continue;
            String rest = drain(analysis, pending.toString(), pendingLine, pieces);
            pendingLine += newlines(pending, pending.length() - rest.length());
            pending.setLength(0);
            pending.append(rest);
        }
        if (!pending.toString().isBlank()) {
            problems.add(new Problem(pendingLine, "error: the snippet starting here is not finished (a missing ';', ')' or '}'?)"));
        }
        return new Cut(pieces, problems);
    }

    /** Adds every complete snippet at the start of {@code text}; returns what is left, unfinished. */
    private static String drain(SourceCodeAnalysis analysis, String text, int line, List<Piece> pieces) {
        String rest = text;
        while (!rest.isBlank()) {
            int lead = 0;
            while (Character.isWhitespace(rest.charAt(lead))) lead++;
            line += newlines(rest, lead);
            rest = rest.substring(lead);
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
            Completeness c = info.completeness();
            if (c == Completeness.EMPTY) return "";
            if (c == Completeness.DEFINITELY_INCOMPLETE || c == Completeness.CONSIDERED_INCOMPLETE) return rest;
            String remaining = c == Completeness.UNKNOWN || info.remaining() == null ? "" : info.remaining();
            pieces.add(new Piece(info.source() == null ? rest : info.source(), line));
            line += newlines(rest, rest.length() - remaining.length());
            rest = remaining;
        }
        return rest;
    }

    /** Whether the next non-blank line starts with '.' (but not "..."): it continues this snippet. */
    private static boolean continuedBelow(String[] lines, int i) {
        for (int j = i + 1; j < lines.length; j++) {
            String s = lines[j].strip();
            if (!s.isEmpty()) return s.startsWith(".") && !s.startsWith("...");
        }
        return false;
    }

    private static int newlines(CharSequence s, int to) {
        int n = 0;
        for (int i = 0; i < to; i++) if (s.charAt(i) == '\n') n++;
        return n;
    }
}
