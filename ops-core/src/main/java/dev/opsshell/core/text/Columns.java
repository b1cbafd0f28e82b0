package dev.opsshell.core.text;

import java.util.List;

/**
 * A table as plain text: left-aligned columns two spaces apart, each as wide as its widest cell;
 * the last cell is not padded and no line ends in spaces. A row shorter than the first (a host
 * without facts) runs on in its last cell and does not widen the columns it spans.
 *
 * <pre>{@code
 * Columns.render(List.of(new String[] {"HOST", "LOAD"}, new String[] {"web01", "0.4"}))
 * // HOST   LOAD
 * // web01  0.4
 * }</pre>
 */
public final class Columns {
    private Columns() {
    }

    /** The rows (the first is usually the heading), a line each, every line ending in a newline. */
    public static String render(List<String[]> rows) {
        if (rows.isEmpty()) return "";
        int cols = rows.get(0).length;
        int[] width = new int[cols];
        for (String[] row : rows) {
            if (row.length < cols) continue;
            for (int i = 0; i < cols; i++) width[i] = Math.max(width[i], row[i].length());
        }
        StringBuilder s = new StringBuilder();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                line.append(row[i]);
                if (i < row.length - 1) line.append(" ".repeat(Math.max(0, (i < cols ? width[i] : 0) - row[i].length()) + 2));
            }
            s.append(line.toString().stripTrailing()).append('\n');
        }
        return s.toString();
    }
}
