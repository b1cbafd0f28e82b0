package dev.opsshell.remote.check;

import java.util.Arrays;
import java.util.List;

/** goss's transforms between observed types: to a string, a number, an array (strings split on newlines). */
final class Values {
    private Values() {
    }

    static String text(Object v) {
        if (v instanceof List<?> l) return String.join("\n", l.stream().map(Values::text).toList());
        if (v instanceof Double d && d == Math.rint(d) && !d.isInfinite()) return String.valueOf(d.longValue());
        return String.valueOf(v);
    }

    /** The number a value reads as, or null when it reads as none. */
    static Double number(Object v) {
        if (v instanceof Number n) return n.doubleValue();
        if (v instanceof Boolean) return null;
        try {
            return Double.parseDouble(text(v).strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static List<?> array(Object v) {
        if (v instanceof List<?> l) return l;
        if (v instanceof String s) return Arrays.asList(s.split("\n", -1));
        return List.of(v);
    }

    /** How a value shows in a report: strings quoted, lists bracketed. */
    static String show(Object v) {
        if (v == null) return "(none)";
        if (v instanceof String s) return "\"" + s.replace("\n", "\\n") + "\"";
        if (v instanceof List<?> l) return "[" + String.join(", ", l.stream().map(Values::show).toList()) + "]";
        return text(v);
    }
}
