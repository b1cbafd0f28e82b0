package dev.opsshell.core.result;

import java.util.ArrayList;
import java.util.List;

/** Renders results as an aligned table, one row per host. */
final class TableFormat {
    private static final int TEXT_WIDTH = 60;

    private TableFormat() {
    }

    static String render(Results results) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"HOST", "OUTCOME", "EXIT", "MS", "VIA", "OUTPUT"});
        for (Result r : results) {
            String text = r.summary().strip();
            int nl = text.indexOf('\n');
            if (nl >= 0) text = text.substring(0, nl) + " …";
            if (text.length() > TEXT_WIDTH) text = text.substring(0, TEXT_WIDTH - 1) + "…";
            rows.add(new String[] {r.host().name(), r.outcome().label(), Integer.toString(r.exitCode()),
                    Long.toString(r.duration().toMillis()), r.transport(), text});
        }
        int[] width = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) width[i] = Math.max(width[i], row[i].length());
        }
        StringBuilder s = new StringBuilder();
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                s.append(i == row.length - 1 ? row[i] : pad(row[i], width[i] + 2));
            }
            s.append('\n');
        }
        s.append(PrettyFormat.summary(results)).append('\n');
        return s.toString();
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(Math.max(0, width - text.length()));
    }
}
