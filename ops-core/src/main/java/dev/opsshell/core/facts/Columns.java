package dev.opsshell.core.facts;

import java.util.List;

/** Left-aligned columns, two spaces apart; a short row (a host without facts) runs on in its last cell. */
final class Columns {
    private Columns() {
    }

    static String render(List<String[]> rows) {
        int cols = rows.get(0).length;
        int[] width = new int[cols];
        for (String[] row : rows) {
            if (row.length < cols) continue;
            for (int i = 0; i < cols; i++) width[i] = Math.max(width[i], row[i].length());
        }
        StringBuilder s = new StringBuilder();
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                boolean last = i == row.length - 1;
                s.append(last ? row[i] : row[i] + " ".repeat(width[i] - row[i].length() + 2));
            }
            s.append('\n');
        }
        return s.toString();
    }
}
