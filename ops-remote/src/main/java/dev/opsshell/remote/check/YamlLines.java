package dev.opsshell.remote.check;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The line each key of a YAML document is on, by its path ({@code [file, /etc/passwd, mode]}), so a
 * gossfile error can say {@code goss.yaml:12}. A tree read by Jackson keeps no positions; this reads
 * the token stream once more and notes them.
 */
final class YamlLines {
    private final Map<List<String>, Integer> lines = new HashMap<>();

    YamlLines(String yaml) throws IOException {
        Deque<String> path = new ArrayDeque<>();
        Deque<int[]> arrays = new ArrayDeque<>(); // index counters of open arrays, null-free markers
        Deque<Boolean> inArray = new ArrayDeque<>();
        try (JsonParser p = new YAMLFactory().createParser(yaml)) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                switch (t) {
                    case FIELD_NAME -> {
                        path.addLast(p.currentName());
                        lines.putIfAbsent(List.copyOf(path), p.currentTokenLocation().getLineNr());
                        continue; // the value follows: the name stays on the path until it ends
                    }
                    case START_OBJECT -> inArray.push(false);
                    case START_ARRAY -> {
                        inArray.push(true);
                        arrays.push(new int[]{0});
                    }
                    case END_OBJECT -> {
                        inArray.pop();
                        ended(path, inArray, arrays);
                    }
                    case END_ARRAY -> {
                        inArray.pop();
                        arrays.pop();
                        ended(path, inArray, arrays);
                    }
                    default -> ended(path, inArray, arrays);
                }
            }
        }
    }

    /** A value ended: a field's name leaves the path; an array element moves the index on. */
    private static void ended(Deque<String> path, Deque<Boolean> inArray, Deque<int[]> arrays) {
        if (inArray.isEmpty()) return;
        if (inArray.peek()) arrays.peek()[0]++;
        else if (!path.isEmpty()) path.removeLast();
    }

    /** The line of the key at {@code path}, or of the nearest key above it; 0 when none is known. */
    int line(List<String> path) {
        for (int n = path.size(); n > 0; n--) {
            Integer l = lines.get(path.subList(0, n));
            if (l != null) return l;
        }
        return 0;
    }
}
