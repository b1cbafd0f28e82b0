package dev.opsshell.core.history;

import java.util.List;
import java.util.function.Function;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks what looks like a secret before history stores text: {@code password=…}, {@code token: …}
 * and their kin (secret, passwd, api_key, access_key, client_secret), {@code Authorization:}
 * headers and {@code Bearer}/{@code Basic} credentials, passwords in URLs ({@code user:pw@host}),
 * private key blocks and AWS secret access keys. The sudo password is masked earlier, by the
 * transports, with the same {@link #MASK}. Every repetition around a keyword is bounded, so a
 * megabyte of output without a secret is scanned in linear time. What it keeps: the name of the thing masked, so the
 * record still says a token was there.
 */
public final class Secrets {
    /** What a secret is replaced by (the same as the sudo password's mask). */
    public static final String MASK = "********";

    /** A pattern, its replacement, and words one of which the text must hold (lower case) for the pattern to be tried. */
    private record Rule(Pattern pattern, Function<MatchResult, String> replacement, List<String> triggers) {
        Rule(String regex, String replacement, String... triggers) {
            this(Pattern.compile(regex), m -> m.group().isEmpty() ? "" : expand(m, replacement), List.of(triggers));
        }

        boolean worthTrying(String lower) {
            for (String t : triggers) if (lower.contains(t)) return true;
            return false;
        }

        private static String expand(MatchResult m, String template) {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < template.length(); i++) {
                char c = template.charAt(i);
                if (c == '$' && i + 1 < template.length() && Character.isDigit(template.charAt(i + 1))) {
                    String g = m.group(template.charAt(++i) - '0');
                    out.append(g == null ? "" : g);
                } else {
                    out.append(c);
                }
            }
            return out.toString();
        }
    }

    private static final String KEY_WORDS =
            "(?:passw(?:or)?d|passphrase|pwd|secret|token|api[_-]?key|apikey|access[_-]?key|private[_-]?key"
                    + "|client[_-]?secret|credentials?)";

    /** Lower-case words one of which every {@link #KEY_WORDS} match contains. */
    private static final String[] KEY_TRIGGERS = {"pass", "pwd", "secret", "token", "key", "credential"};

    private static final List<Rule> RULES = List.of(
            // -----BEGIN … PRIVATE KEY----- … -----END … PRIVATE KEY----- (also when cut off before its end)
            new Rule("-----BEGIN ([A-Z0-9 ]*)PRIVATE KEY-----[\\s\\S]*?(?:-----END \\1PRIVATE KEY-----|\\z)",
                    "-----BEGIN $1PRIVATE KEY-----" + MASK + "-----END $1PRIVATE KEY-----", "private key-----"),
            // Authorization: Bearer xyz, Proxy-Authorization: Basic abc= (the scheme is kept)
            new Rule(Pattern.compile("(?i)((?:proxy-)?authorization\\s*[:=]\\s*)((?:bearer|basic|token|digest)\\s+)?(?!\\*{8})[^\\s'\",;]+"),
                    m -> m.group(1) + (m.group(2) == null ? "" : m.group(2)) + MASK, List.of("authorization")),
            new Rule("(?i)\\b(bearer|basic)\\s+[A-Za-z0-9._~+/=-]{8,}", "$1 " + MASK, "bearer", "basic"),
            // password=x, "token": "x", api_key: x, AWS_SECRET_ACCESS_KEY=x, PGPASSWORD=x, X-Auth-Token: x
            // (the match starts at the keyword, so a scan costs one keyword test per character)
            new Rule("(?i)(" + KEY_WORDS + "[A-Za-z0-9_.-]{0,40}[\"']?[ \\t]*[:=][ \\t]*[\"']?)(?!\\*{8})[^\\s\"',;&}]+",
                    "$1" + MASK, KEY_TRIGGERS),
            // --password x, --token x
            new Rule("(?i)(--[A-Za-z0-9_-]{0,40}" + KEY_WORDS + "[A-Za-z0-9_-]{0,40}\\s+[\"']?)(?!\\*{8})[^\\s\"',;&}]+", "$1" + MASK,
                    KEY_TRIGGERS),
            // scheme://user:password@host (the match starts at "://")
            new Rule("(://[^/\\s:@]{1,128}:)[^@\\s/]{1,256}@", "$1" + MASK + "@", "://"),
            // an AWS secret access key beside its key id (40 base64 characters)
            new Rule("(A(?:KI|SI)A[A-Z0-9]{16}[\\s\"',:=]+)[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+])", "$1" + MASK, "akia", "asia"));

    private Secrets() {
    }

    /**
     * {@code text} with each of {@code known} (secrets known by value: the hosts' inventory
     * passwords) and every secret it seems to hold replaced by {@link #MASK}.
     */
    public static String mask(String text, java.util.Collection<String> known) {
        if (text == null || text.isEmpty()) return text;
        String out = text;
        for (String secret : known) out = out.replace(secret, MASK);
        return mask(out);
    }

    /** {@code text} with every secret it seems to hold replaced by {@link #MASK}. */
    public static String mask(String text) {
        if (text == null || text.isEmpty()) return text;
        String out = text;
        String lower = text.toLowerCase(java.util.Locale.ROOT); // one pass; a rule whose words are absent costs nothing more
        for (Rule r : RULES) {
            if (!r.worthTrying(lower)) continue;
            Matcher m = r.pattern.matcher(out);
            if (m.find()) out = m.replaceAll(match -> Matcher.quoteReplacement(r.replacement.apply(match)));
        }
        return out;
    }
}
