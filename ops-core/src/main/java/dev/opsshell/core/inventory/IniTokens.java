package dev.opsshell.core.inventory;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits an INI host line into words the way Ansible's shlex does: whitespace separates, single and
 * double quotes group (and are removed), a backslash escapes inside double quotes and outside
 * quotes, and an unquoted {@code #} at the start of a word begins a comment.
 */
final class IniTokens {
    private IniTokens() {
    }

    /** The words of {@code line}; an unterminated quote is an {@link IllegalArgumentException}. */
    static List<String> split(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else if (c == '\\' && quote == '"' && i + 1 < line.length()) {
                    cur.append(line.charAt(++i));
                } else {
                    cur.append(c);
                }
            } else if (Character.isWhitespace(c)) {
                if (inWord) words.add(cur.toString());
                cur.setLength(0);
                inWord = false;
            } else if (c == '#' && !inWord) {
                break;
            } else if (c == '"' || c == '\'') {
                quote = c;
                inWord = true;
            } else if (c == '\\' && i + 1 < line.length()) {
                cur.append(line.charAt(++i));
                inWord = true;
            } else {
                cur.append(c);
                inWord = true;
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException("unterminated " + (quote == '"' ? "double" : "single")
                    + " quote: expected a closing " + quote);
        }
        if (inWord) words.add(cur.toString());
        return words;
    }

    /** A value from a {@code [group:vars]} line: surrounding whitespace and one pair of matching quotes removed. */
    static String unquote(String value) {
        String v = value.strip();
        if (v.length() >= 2 && (v.charAt(0) == '"' || v.charAt(0) == '\'') && v.charAt(v.length() - 1) == v.charAt(0)) {
            return v.substring(1, v.length() - 1);
        }
        return v;
    }
}
