package dev.opsshell.remote.files;

import dev.opsshell.core.facts.FactsResults;
import dev.opsshell.core.pipeline.HostScript;

import java.util.Map;

/**
 * File operations, one round trip per host, each reporting {@code changed:} or {@code unchanged:}
 * so running one twice reports no change the second time ({@link Change}).
 * <pre>{@code
 * hosts("web").run(write("/etc/motd", "hello\n"));
 * hosts("web").run(template("/etc/app.conf", "listen {{ address }}:{{ app_port }}\n", Map.of()));
 * run(hosts("web").run(lineInFile("/etc/hosts", "10.0.0.9 db")), pick(changed()), restart("app"));
 * }</pre>
 * They run as the login user; {@code .privileged()} runs one as root.
 */
public final class Files {
    private Files() {
    }

    public static HostScript write(String path, String content) {
        String script = FileScripts.write(path, content);
        return HostScript.of("write " + path, h -> script);
    }

    /**
     * Renders {@code text} per host ({@code {{ name }}} from the host's inventory variables, its facts
     * when given, then {@code vars}) and writes it to {@code path} where it differs; the path may name
     * variables too ({@code /srv/{{ inventory_hostname }}/app.conf}).
     */
    public static HostScript template(String path, String text, Map<String, String> vars, FactsResults facts) {
        return HostScript.of("template " + path, h -> {
            Map<String, String> v = TemplateVars.of(h, facts == null ? null : facts.find(h.name()).orElse(null), vars);
            return FileScripts.write(Template.render(path, v, h.name()), Template.render(text, v, h.name()));
        });
    }

    public static HostScript mkdir(String path) {
        String script = FileScripts.mkdir(path);
        return HostScript.of("mkdir " + path, h -> script);
    }

    public static HostScript rm(String path) {
        String script = FileScripts.rm(path);
        return HostScript.of("rm " + path, h -> script);
    }

    public static HostScript chmod(String mode, String path) {
        String script = FileScripts.chmod(mode, path);
        return HostScript.of("chmod " + mode + " " + path, h -> script);
    }

    public static HostScript chown(String owner, String path) {
        String script = FileScripts.chown(owner, path);
        return HostScript.of("chown " + owner + " " + path, h -> script);
    }

    public static HostScript lineInFile(String path, String line) {
        String script = FileScripts.lineInFile(path, line);
        return HostScript.of("line in " + path, h -> script);
    }
}
