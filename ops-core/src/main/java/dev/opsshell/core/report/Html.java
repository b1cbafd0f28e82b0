package dev.opsshell.core.report;

/** Text made safe for HTML and SVG: markup characters as entities, control characters dropped. */
final class Html {
    private Html() {
    }

    static String escape(String text) {
        StringBuilder s = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> s.append("&amp;");
                case '<' -> s.append("&lt;");
                case '>' -> s.append("&gt;");
                case '"' -> s.append("&quot;");
                case '\'' -> s.append("&#39;");
                default -> {
                    if (!Character.isISOControl(c) || c == '\n' || c == '\t') s.appendCodePoint(c);
                }
            }
        });
        return s.toString();
    }
}
