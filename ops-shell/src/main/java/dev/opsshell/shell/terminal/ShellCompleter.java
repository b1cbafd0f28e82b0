package dev.opsshell.shell.terminal;

import dev.opsshell.shell.repl.SnippetParser;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

import java.util.List;

/** Hands JLine the candidates {@link SnippetParser} found for the word under the cursor. */
final class ShellCompleter implements Completer {
    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        if (!(line instanceof SnippetParser.Line parsed)) return;
        for (SnippetParser.Suggestion s : parsed.suggestions()) {
            // complete=false: no space after a completed name, the operator goes on typing "(" or "\""
            candidates.add(new Candidate(s.value(), s.value(), s.group(), null, null, null, false));
        }
    }
}
