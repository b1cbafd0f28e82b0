package dev.opsshell.remote.driver.digitalocean;

/**
 * Everything of one system at DigitalOcean hangs on its tag {@code ops-system-<id>}: removing it
 * deletes its droplets by the tag (one call however many there are), then the tag itself, which
 * DigitalOcean keeps after its last droplet is gone. Absent is fine for both.
 */
final class SystemTag {
    private SystemTag() {
    }

    static void removeAll(DigitalOceanApi api, String systemId) {
        String tag = Droplet.systemTag(systemId);
        api.delete("/v2/droplets?tag_name=" + tag);
        api.delete("/v2/tags/" + tag);
    }
}
