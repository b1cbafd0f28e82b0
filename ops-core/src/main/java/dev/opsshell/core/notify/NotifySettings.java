package dev.opsshell.core.notify;

import dev.opsshell.core.config.ConfigException;
import dev.opsshell.core.config.OpsConfig;
import dev.opsshell.core.text.Columns;
import dev.opsshell.core.text.Durations;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What to notify of and how: the {@code notify.*} keys of {@code ~/.ops/config} (a properties
 * file), changeable at the prompt ({@code notifySetting("webhook.url", "…")}). Every value is
 * checked when set; a wrong one is an error naming the key and what it takes.
 */
public record NotifySettings(Map<String, String> values) {
    public static final String PREFIX = "notify.";

    /** Each key, its default ("" for none) and what it takes. */
    static final Map<String, String[]> KEYS = new LinkedHashMap<>();
    /** notify.timeout's ceiling: a send is waited for at exit, and mail's socket timeouts are ints of milliseconds. */
    static final Duration LONGEST_TIMEOUT = Duration.ofMinutes(10);

    static {
        key("log", "auto", "auto|on|off: a line per notice on standard error (auto: in ops hub, not in a shell)");
        key("desktop", "auto", "auto|on|off: notify-send (auto: when it is on the PATH)");
        key("email.host", "", "the SMTP server; email is off while empty");
        key("email.port", "587", "the SMTP port");
        key("email.from", "", "the sender address");
        key("email.to", "", "recipients, comma-separated");
        key("email.starttls", "true", "true|false: require STARTTLS");
        key("email.user", "", "the SMTP login (none when empty)");
        key("email.password_env", EmailSettings.DEFAULT_PASSWORD_ENV, "the environment variable holding the SMTP password");
        key("email.password_file", "", "or a file holding it");
        key("webhook.url", "", "http(s) URL a JSON POST goes to; off while empty");
        key("timeout", "10s", "how long one notifier may take per notice (500ms, 10s, 1m)");
        key("runs", "failures", "failures|all|off: after an operation (a pipeline step) run from the shell or a script");
        key("schedules", "failures", "failures|all|off: after a schedule's run");
        key("thresholds", "on", "on|off: disk and load thresholds crossed (from samples)");
        key("disk_pct", "85", "disk used above this percent of a mount");
        key("load_per_core", "2", "load (1 min) above this many times the host's cores");
        key("agents", "on", "on|off: an agent gone from the hub (missed its heartbeats)");
    }

    private static void key(String name, String def, String what) {
        KEYS.put(name, new String[]{def, what});
    }

    public NotifySettings {
        values = Map.copyOf(values);
    }

    public static NotifySettings defaults() {
        return new NotifySettings(Map.of());
    }

    /** The {@code notify.*} keys of a properties file ({@code ~/.ops/config}); defaults when it is absent. */
    public static NotifySettings fromConfig(Path config) {
        return fromConfig(OpsConfig.at(Map.of(), config));
    }

    /** The {@code notify.*} keys of the config; a wrong value is a {@link ConfigException} naming the file, the key and what it takes. */
    public static NotifySettings fromConfig(OpsConfig config) {
        NotifySettings s = defaults();
        for (Map.Entry<String, String> e : config.startingWith(PREFIX).entrySet()) {
            try {
                s = s.with(e.getKey(), e.getValue());
            } catch (IllegalArgumentException bad) {
                throw new ConfigException(config.file() + ": " + bad.getMessage(), bad);
            }
        }
        return s;
    }

    /** With {@code key} ({@code webhook.url} or {@code notify.webhook.url}) set to {@code value}, checked. */
    public NotifySettings with(String key, String value) {
        String k = key.startsWith(PREFIX) ? key.substring(PREFIX.length()) : key;
        if (!KEYS.containsKey(k)) {
            throw new IllegalArgumentException("no notification setting '" + key + "'; the settings are: "
                    + String.join(", ", KEYS.keySet()));
        }
        String v = value == null ? "" : value.strip();
        check(k, v);
        Map<String, String> m = new TreeMap<>(values);
        m.put(k, v);
        return new NotifySettings(m);
    }

    /** The keys there are, without their {@code notify.} prefix, in the order {@link #describe()} lists them. */
    public static List<String> keys() {
        return List.copyOf(KEYS.keySet());
    }

    public String get(String key) {
        return values.getOrDefault(key, KEYS.get(key)[0]);
    }

    private static void check(String k, String v) {
        switch (k) {
            case "thresholds", "agents" -> oneOf(k, v, "on", "off");
            case "log" -> oneOf(k, v, "auto", "on", "off");
            case "desktop" -> oneOf(k, v, "auto", "on", "off");
            case "runs", "schedules" -> oneOf(k, v, "failures", "all", "off");
            case "email.starttls" -> oneOf(k, v, "true", "false");
            case "email.port" -> number(k, v, 1, 65535);
            case "disk_pct" -> number(k, v, 1, 100);
            case "load_per_core" -> {
                try {
                    if (Double.parseDouble(v) <= 0) throw new NumberFormatException();
                } catch (NumberFormatException e) {
                    throw bad(k, v, "a positive number, e.g. 2");
                }
            }
            case "timeout" -> {
                if (duration(k, v).compareTo(LONGEST_TIMEOUT) > 0) {
                    throw bad(k, v, "at most " + Durations.words(LONGEST_TIMEOUT) + " (a notifier that takes longer is not answering)");
                }
            }
            case "webhook.url" -> {
                // not shown back: for Slack and the like the URL's path is the secret
                if (!v.isEmpty() && !v.matches("https?://.+")) {
                    throw new IllegalArgumentException(PREFIX + k + " must be an http:// or https:// URL, got one that is not"
                            + " (not shown: a webhook's URL may hold its secret)");
                }
            }
            default -> { }
        }
    }

    private static void oneOf(String k, String v, String... allowed) {
        if (!Arrays.asList(allowed).contains(v)) throw bad(k, v, String.join(" or ", allowed));
    }

    private static void number(String k, String v, int min, int max) {
        try {
            int n = Integer.parseInt(v);
            if (n < min || n > max) throw new NumberFormatException();
        } catch (NumberFormatException e) {
            throw bad(k, v, "a whole number from " + min + " to " + max);
        }
    }

    static Duration duration(String k, String v) {
        try {
            return Durations.positive(v);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(PREFIX + k + ": " + e.getMessage(), e);
        }
    }

    private static IllegalArgumentException bad(String k, String v, String wanted) {
        return new IllegalArgumentException(PREFIX + k + " must be " + wanted + ", got '" + v + "'");
    }

    public Duration timeout() {
        return duration("timeout", get("timeout"));
    }

    public double diskPct() {
        return Double.parseDouble(get("disk_pct"));
    }

    public double loadPerCore() {
        return Double.parseDouble(get("load_per_core"));
    }

    /** The email settings, or null while {@code email.host} is empty. */
    public EmailSettings email() {
        if (get("email.host").isEmpty()) return null;
        List<String> to = Arrays.stream(get("email.to").split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        String file = get("email.password_file");
        return new EmailSettings(get("email.host"), Integer.parseInt(get("email.port")), get("email.from"), to,
                Boolean.parseBoolean(get("email.starttls")), get("email.user"), get("email.password_env"),
                file.isEmpty() ? null : Path.of(file.startsWith("~/") ? System.getProperty("user.home") + file.substring(1) : file));
    }

    public URI webhook() {
        String u = get("webhook.url");
        return u.isEmpty() ? null : URI.create(u);
    }

    /** Every key with its value (the default where unset) and what it takes; a webhook's path is not shown. */
    public String describe() {
        List<String[]> rows = new ArrayList<>();
        KEYS.forEach((k, d) -> {
            String v = get(k);
            if (k.equals("webhook.url") && !v.isEmpty()) v = v.replaceFirst("^(https?://[^/]+).*", "$1/…");
            rows.add(new String[] {PREFIX + k, v.isEmpty() ? "-" : v, d[1]});
        });
        // columns as wide as their widest cell, so a long key or value never pushes its row out of line
        return Columns.render(rows).replaceAll("(?m)^(?=.)", "  ");
    }
}
