package dev.opsshell.core.result;

import dev.opsshell.core.text.Columns;

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
        return Columns.render(rows) + PrettyFormat.summary(results) + '\n';
    }
}
