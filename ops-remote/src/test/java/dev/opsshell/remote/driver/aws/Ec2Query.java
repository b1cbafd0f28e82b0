package dev.opsshell.remote.driver.aws;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One EC2 Query API request as the SDK sends it: a form-encoded body, lists as {@code Name.1}, {@code Name.2}… */
record Ec2Query(Map<String, String> params) {
    static Ec2Query parse(String body) {
        Map<String, String> p = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            p.put(k, v);
        }
        return new Ec2Query(p);
    }

    String action() {
        return params.get("Action");
    }

    String get(String key) {
        return params.get(key);
    }

    /** {@code prefix.1}, {@code prefix.2}… until one is missing. */
    List<String> list(String prefix) {
        List<String> out = new ArrayList<>();
        for (int i = 1; params.containsKey(prefix + "." + i); i++) out.add(params.get(prefix + "." + i));
        return out;
    }

    /** Filters: {@code Filter.N.Name} with {@code Filter.N.Value.M}. */
    Map<String, List<String>> filters() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (int i = 1; params.containsKey("Filter." + i + ".Name"); i++) {
            out.put(params.get("Filter." + i + ".Name"), list("Filter." + i + ".Value"));
        }
        return out;
    }

    /** The tags of the first instance TagSpecification. */
    Map<String, String> instanceTags() {
        Map<String, String> out = new LinkedHashMap<>();
        for (int s = 1; params.containsKey("TagSpecification." + s + ".ResourceType"); s++) {
            if (!"instance".equals(params.get("TagSpecification." + s + ".ResourceType"))) continue;
            String base = "TagSpecification." + s + ".Tag.";
            for (int i = 1; params.containsKey(base + i + ".Key"); i++) out.put(params.get(base + i + ".Key"), params.get(base + i + ".Value"));
        }
        return out;
    }
}
