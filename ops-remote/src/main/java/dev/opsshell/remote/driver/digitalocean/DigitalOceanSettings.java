package dev.opsshell.remote.driver.digitalocean;

import dev.opsshell.core.driver.DriverException;
import dev.opsshell.core.system.DriverSection;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A {@code digitalocean} section's settings: {@code api_url} (else {@code DIGITALOCEAN_API_URL}, else
 * https://api.digitalocean.com, as doctl's {@code --api-url}), {@code region}, {@code size},
 * {@code image}, {@code ssh_keys} and {@code tags} (comma separated), {@code vpc_uuid},
 * {@code ssh_key_file} (a public key cloud-init gives the machine's user).
 */
record DigitalOceanSettings(String region, String size, String image, List<String> sshKeys, List<String> tags,
                            String vpcUuid, String sshKeyFile) {
    static final String DEFAULT_API = "https://api.digitalocean.com";
    static final String DEFAULT_REGION = "nyc3";
    static final String DEFAULT_IMAGE = "debian-12-x64";

    static DigitalOceanSettings of(DriverSection s) {
        return new DigitalOceanSettings(s.get("region", DEFAULT_REGION), s.get("size"), s.get("image", DEFAULT_IMAGE),
                list(s.get("ssh_keys")), list(s.get("tags")), s.get("vpc_uuid"), s.get("ssh_key_file"));
    }

    /** The API's base URL for a section, checked to be an http(s) URL. */
    static URI apiUrl(DriverSection s, Map<String, String> env) {
        String url = s.get("api_url");
        if (url == null || url.isBlank()) url = env.getOrDefault("DIGITALOCEAN_API_URL", DEFAULT_API);
        if (url.endsWith("/")) url = url.substring(0, url.length() - 1);
        try {
            URI uri = URI.create(url);
            if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new IllegalArgumentException("not an http(s) URL");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new DriverException("digitalocean setting api_url must be an http(s) URL such as " + DEFAULT_API
                    + ", got '" + url + "'", e);
        }
    }

    private static List<String> list(String csv) {
        if (csv == null || csv.isBlank()) return List.of();
        return Arrays.stream(csv.split(",")).map(String::trim).filter(x -> !x.isEmpty()).toList();
    }
}
