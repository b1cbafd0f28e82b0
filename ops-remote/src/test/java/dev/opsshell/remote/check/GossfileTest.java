package dev.opsshell.remote.check;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reading goss files: what goss means, and a clear error naming file:line and key for what ops does not do. */
class GossfileTest {
    @TempDir
    Path dir;

    private List<Check> read(String yaml) throws Exception {
        Path f = dir.resolve("goss.yaml");
        Files.writeString(f, yaml);
        return Gossfile.read(f);
    }

    private String error(String yaml) {
        return assertThrows(GossfileException.class, () -> read(yaml)).getMessage();
    }

    @Test
    void anUnsupportedKeyIsAnErrorNamingTheFileLineAndKey() {
        String m = error("file:\n  /etc/passwd:\n    exists: true\n    md4: abc\n");
        assertTrue(m.endsWith("goss.yaml:4: 'md4' is not a key of goss's file resource (file keys ops reads: exists, mode, size, owner, "
                + "uid, group, gid, filetype, linked-to, contents, contains, md5, sha256, sha512, path, title, meta, skip)"), m);
        String http = error("http:\n  https://example.org:\n    status: 200\n    verb: GET\n");
        assertTrue(http.contains("allow-insecure, method, no-follow-redirects, request-body, request-headers, timeout"),
                "options in one order every run, not a set's: " + http);
        assertTrue(error("package:\n  nginx:\n    installed: true\n    retry_count: 2\n")
                .endsWith("goss.yaml:4: goss's package key 'retry_count' is not supported by ops"));
        assertTrue(error("interface:\n  eth0:\n    exists: true\n").contains("goss.yaml:1: goss's 'interface' resource is not supported by ops"));
        assertTrue(error("service:\n  ssh:\n    running:\n      semver-constraint: '>1'\n")
                .contains("goss.yaml:3: service 'ssh' running: goss's matcher 'semver-constraint' is not supported"));
        assertTrue(error("dns:\n  CNAME:c.dnstest.io:\n    resolvable: true\n").contains("goss.yaml:2: dns record types"));
        assertTrue(error("file:\n  /x:\n    exists: {{ .Vars.x }}\n").contains("goss.yaml:3: goss templates"));
        assertTrue(error("porte:\n  tcp:22:\n    listening: true\n").contains("'porte' is not a goss resource type"));
    }

    @Test
    void keysMeanWhatTheyMeanInGoss() throws Exception {
        List<Check> c = read("""
                port:
                  "22":
                    listening: true
                file:
                  /etc/hosts-alias:
                    path: /etc/hosts
                    mode: "0644"
                    contents: ["localhost", "!/^#bogus/"]
                command:
                  check:
                    exec: uname -s
                    stdout: "Linux\\n"
                    timeout: 2000
                    skip: true
                """);
        assertEquals("Port: tcp:22: listening", c.get(0).name(), "a bare port is tcp");
        assertEquals("/etc/hosts", c.get(1).subject().id(), "path renames the resource");
        assertTrue(c.get(2).expected() instanceof Patterns, "a list on a text attribute is patterns");
        assertEquals("uname -s", c.get(3).subject().id());
        assertEquals("2000", c.get(3).subject().option("timeout", ""));
        assertTrue(c.get(3).skip());
        assertTrue(c.get(3).expected().matches("Linux\n"), "a string is the whole output");
        assertFalse(c.get(3).expected().matches("Linux"));
    }

    @Test
    void includesAreReadRelativeToTheIncludingFile() throws Exception {
        Files.createDirectories(dir.resolve("d"));
        Files.writeString(dir.resolve("d/users.yaml"), "user:\n  root:\n    exists: true\n");
        List<Check> c = read("gossfile:\n  d/users.yaml: {}\n  skipped.yaml:\n    skip: true\n");
        assertEquals(List.of("User: root: exists"), c.stream().map(Check::name).toList());
    }

    @Test
    void matchersFollowGoss() {
        assertTrue(Matchers.of(List.of("a", "b")).matches(List.of("c", "b", "a")), "a list is a subset");
        assertFalse(Matchers.of(List.of("a", "a2")).matches(List.of("a")));
        assertFalse(Matchers.of(List.of("group1", "group2", "group2")).matches(List.of("group1", "group2", "group3")),
                "goss's docs: the 2nd group2 is not in the returned content");
        assertTrue(new Matchers.Numeric("gt", 100).matches("128"), "numbers compare numerically after a transform");
        assertTrue(Matchers.of(0).matches(0L));
        assertTrue(new Matchers.ConsistOf(List.of(Matchers.of("127.0.0.1"), Matchers.of("::1"))).matches(List.of("::1", "127.0.0.1")));
        assertFalse(new Matchers.ConsistOf(List.of(Matchers.of("127.0.0.1"))).matches(List.of("::1", "127.0.0.1")));
        Patterns p = new Patterns(List.of("foo", "!bar", "/^[Gg]oss$/", "\\!bang"));
        assertTrue(p.matches("x foo y\nGoss\n!bang"));
        assertEquals(List.of("!bar"), p.missing("foo\nbar\ngoss\n!bang"));
        assertTrue(new Patterns(List.of()).matches("anything"), "an empty list asserts nothing");
        assertTrue(new Matchers.ContainElement(new Matchers.Text("have-prefix", "b")).matches("foo\nbar"), "strings split into lines");
    }
}
