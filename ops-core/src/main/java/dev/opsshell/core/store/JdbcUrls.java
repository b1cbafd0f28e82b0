package dev.opsshell.core.store;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** PostgreSQL JDBC URLs as ops prints them: without user or password, and the server they name. */
final class JdbcUrls {
    private static final Set<String> CREDENTIAL_PARAMS = Set.of("user", "password", "sslpassword");
    private static final Pattern USERINFO = Pattern.compile("^(jdbc:postgresql://|postgres(?:ql)?://)([^/@?]*)@");
    private static final String MASK = "****";

    private JdbcUrls() {
    }

    /** The URL without {@code user:password@} and without the {@code user}, {@code password} and {@code sslpassword} parameters. */
    static String withoutCredentials(String url) {
        if (url == null) return null;
        String u = USERINFO.matcher(url).replaceFirst("$1");
        int q = u.indexOf('?');
        if (q < 0) return u;
        List<String> kept = new ArrayList<>();
        for (String param : u.substring(q + 1).split("&")) {
            String name = param.contains("=") ? param.substring(0, param.indexOf('=')) : param;
            if (!CREDENTIAL_PARAMS.contains(name.toLowerCase(Locale.ROOT)) && !param.isEmpty()) kept.add(param);
        }
        return u.substring(0, q) + (kept.isEmpty() ? "" : "?" + String.join("&", kept));
    }

    /**
     * The URL as the driver takes it: pgjdbc reads no {@code user:password@} before the host, so
     * those move into the {@code user} and {@code password} parameters (still percent-encoded, as
     * the driver decodes parameters).
     */
    static String forDriver(String url) {
        Matcher m = USERINFO.matcher(url);
        if (!m.find()) return url;
        String info = m.group(2);
        String rest = url.substring(m.end());
        int colon = info.indexOf(':');
        String params = "user=" + (colon < 0 ? info : info.substring(0, colon))
                + (colon < 0 ? "" : "&password=" + info.substring(colon + 1));
        return m.group(1) + rest + (rest.contains("?") ? "&" : "?") + params;
    }

    /** True when the URL carries a password (as a parameter or before the host). */
    static boolean hasPassword(String url) {
        return !secrets(url, null).isEmpty();
    }

    /** {@code host:port} (the first host of a list), defaulting to PostgreSQL's port 5432. */
    static String hostAndPort(String url) {
        Properties p = org.postgresql.Driver.parseURL(withoutCredentials(url), null);
        if (p == null) return withoutCredentials(url);
        String host = p.getProperty("PGHOST", "localhost").split(",")[0];
        String port = p.getProperty("PGPORT", "5432").split(",")[0];
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    /** {@code text} with the URL's passwords and {@code pgpassword} masked, and the URL itself shown without credentials. */
    static String redact(String text, String url, String pgpassword) {
        if (text == null) return null;
        String out = url == null ? text : text.replace(url, withoutCredentials(url));
        for (String secret : secrets(url, pgpassword)) out = out.replace(secret, MASK);
        return out;
    }

    private static List<String> secrets(String url, String pgpassword) {
        List<String> found = new ArrayList<>();
        if (pgpassword != null && !pgpassword.isEmpty()) found.add(pgpassword);
        if (url == null) return found;
        Matcher m = USERINFO.matcher(url);
        if (m.find() && m.group(2).contains(":")) addBoth(found, m.group(2).substring(m.group(2).indexOf(':') + 1));
        int q = url.indexOf('?');
        if (q >= 0) {
            for (String param : url.substring(q + 1).split("&")) {
                int eq = param.indexOf('=');
                if (eq < 0) continue;
                String name = param.substring(0, eq).toLowerCase(Locale.ROOT);
                if (name.equals("password") || name.equals("sslpassword")) addBoth(found, param.substring(eq + 1));
            }
        }
        found.removeIf(String::isEmpty);
        // longest first, so a password containing another is masked whole
        found.sort((a, b) -> b.length() - a.length());
        return found;
    }

    private static void addBoth(List<String> found, String raw) {
        found.add(raw);
        try {
            found.add(URLDecoder.decode(raw, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException notEncoded) {
            // a raw value with a stray % is masked as written, which is what could leak
            found.add(raw);
        }
    }
}
