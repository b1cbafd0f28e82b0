package dev.opsshell.shell.repl;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreeScanner;
import com.sun.source.util.Trees;
import jdk.jshell.Snippet;

import javax.tools.Diagnostic;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the text of the lambda (or method reference) a snippet's source holds, with javac's own
 * parser: {@code Operation op = h -> h.exec("uptime");} gives {@code h -> h.exec("uptime")}. Only
 * when there is exactly one (not counting lambdas inside it): with several, which one a value came
 * from cannot be told apart at run time.
 */
final class LambdaText {
    private LambdaText() {
    }

    /** Where a snippet's kind of Java may stand, to parse it: a class member, a statement, an expression. */
    private static final List<String[]> PLACES = List.of(
            new String[] {"class $ {\n", "\n}"},
            new String[] {"class $ { void $() {\n", "\n;} }"}, // a local variable may use 'var'
            new String[] {"class $ { Object $ = (\n", "\n); }"});

    static Optional<String> in(Snippet snippet) {
        String source = snippet.source();
        if (source == null || !(source.contains("->") || source.contains("::"))) return Optional.empty();
        for (String[] place : PLACES) {
            Optional<List<String>> found = lambdas(place[0] + source + place[1], place[0].length());
            if (found.isPresent()) return found.get().size() == 1 ? Optional.of(found.get().get(0)) : Optional.empty();
        }
        return Optional.empty();
    }

    /**
     * The outermost lambdas and method references in {@code unit}, as text ({@code skip}: where the
     * snippet starts), or empty when {@code unit} does not parse.
     */
    private static Optional<List<String>> lambdas(String unit, int skip) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) return Optional.empty(); // a JRE without the compiler: JShell itself would not run
        JavaFileObject file = new SimpleJavaFileObject(URI.create("string:///Snippet.java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return unit;
            }
        };
        // parsing only: a snippet that does not compile on its own here (unknown names) parses all the same
        boolean[] broken = {false};
        JavacTask task = (JavacTask) javac.getTask(Writer.nullWriter(), null,
                d -> broken[0] |= d.getKind() == Diagnostic.Kind.ERROR, List.of("-proc:none"), null, List.of(file));
        CompilationUnitTree tree;
        try {
            tree = task.parse().iterator().next();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SourcePositions positions = Trees.instance(task).getSourcePositions();
        List<String> found = new ArrayList<>();
        new TreeScanner<Void, Void>() {
            @Override
            public Void visitLambdaExpression(LambdaExpressionTree node, Void unused) {
                add(node);
                return null; // lambdas inside it are part of its text
            }

            @Override
            public Void visitMemberReference(MemberReferenceTree node, Void unused) {
                add(node);
                return null;
            }

            private void add(Tree node) {
                long start = positions.getStartPosition(tree, node);
                long end = positions.getEndPosition(tree, node);
                if (start >= skip && end > start && end <= unit.length()) found.add(unit.substring((int) start, (int) end));
            }
        }.scan(tree, null);
        return broken[0] ? Optional.empty() : Optional.of(found);
    }
}
