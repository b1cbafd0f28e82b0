package dev.opsshell.core.metrics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Locale;

/** Samples as CSV (RFC 4180, a header line) and JSON (an array of objects), and values as people read them. */
public final class SampleFormats {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SampleFormats() {
    }

    public static String csv(List<Sample> samples) {
        StringBuilder s = new StringBuilder("host,metric,field,label,value,at\n");
        for (Sample x : samples) {
            s.append(cell(x.host())).append(',').append(cell(x.metric())).append(',').append(cell(x.field())).append(',')
                    .append(cell(x.label())).append(',').append(number(x.value())).append(',').append(x.at()).append('\n');
        }
        return s.toString();
    }

    /** A cell quoted when it holds a comma, quote or line break (a mount path may). */
    static String cell(String v) {
        if (v.indexOf(',') < 0 && v.indexOf('"') < 0 && v.indexOf('\n') < 0 && v.indexOf('\r') < 0) return v;
        return '"' + v.replace("\"", "\"\"") + '"';
    }

    public static String json(List<Sample> samples) {
        ArrayNode array = JSON.createArrayNode();
        for (Sample x : samples) {
            ObjectNode o = array.addObject();
            o.put("host", x.host()).put("metric", x.metric()).put("field", x.field()).put("label", x.label())
                    .put("value", x.value()).put("at", x.at().toString());
        }
        try {
            return JSON.writeValueAsString(array);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("samples as JSON: " + e.getMessage(), e);
        }
    }

    /** The shortest exact text of a number: 12.5, 3, 1.0E-4. */
    static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    /** A value as people read it: bytes in KiB/MiB/GiB, percentages and the rest with one or two decimals. */
    public static String human(String metric, String field, double v) {
        if (field.endsWith("_bytes") || field.endsWith("_bytes_per_s")) {
            String unit = field.endsWith("_per_s") ? "/s" : "";
            String[] units = {"B", "KiB", "MiB", "GiB", "TiB", "PiB"};
            double x = v;
            int i = 0;
            while (Math.abs(x) >= 1024 && i < units.length - 1) {
                x /= 1024;
                i++;
            }
            return (i == 0 ? String.format(Locale.ROOT, "%.0f", x) : String.format(Locale.ROOT, "%.1f", x)) + " " + units[i] + unit;
        }
        if (field.endsWith("_pct") || (metric.equals(Family.CPU.word()) && !field.equals("cores"))) return String.format(Locale.ROOT, "%.1f%%", v);
        if (v == Math.rint(v)) return Long.toString((long) v);
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
