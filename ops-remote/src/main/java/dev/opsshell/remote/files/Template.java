package dev.opsshell.remote.files;

import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code {{ name }}} replaced by the host's value of {@code name}; a name the host has no value for
 * is an error that lists it (a config file with a hole in it is worse than none). Written here rather
 * than taken from a template library: substitution is all the operations need, and strictness about
 * missing names is the part that matters.
 */
final class Template {
    private static final Pattern VAR = Pattern.compile("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_.]*)\\s*}}");

    private Template() {
    }

    static String render(String text, Map<String, String> vars, String host) {
        Matcher m = VAR.matcher(text);
        StringBuilder out = new StringBuilder();
        TreeSet<String> missing = new TreeSet<>();
        while (m.find()) {
            String value = vars.get(m.group(1));
            if (value == null) missing.add(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? "" : value));
        }
        m.appendTail(out);
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("the template uses " + String.join(", ", missing) + " but " + host
                    + " has no such variable: set it in the inventory (host or group vars) or pass it in the vars map");
        }
        return out.toString();
    }
}
