package dev.opsshell.remote.files;

import dev.opsshell.core.host.Host;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TemplateTest {
    static final Host WEB1 = new Host("web1", "10.0.0.1", 22, "root", Map.of("app_port", "8080"), List.of());

    @Test
    void namesComeFromTheHostItsVarsAndTheCallerWhoWins() {
        Map<String, String> v = TemplateVars.of(WEB1, null, Map.of("greeting", "hi"));
        assertEquals("hi web1 at 10.0.0.1:8080\n", Template.render("{{greeting}} {{ inventory_hostname }} at {{ address }}:{{ app_port }}\n", v, "web1"));
        assertEquals("9090", Template.render("{{ app_port }}", TemplateVars.of(WEB1, null, Map.of("app_port", "9090")), "web1"));
    }

    @Test
    void aNameTheHostHasNoValueForIsAnErrorListingEveryMissingName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Template.render("{{ db_host }}:{{ db_port }} {{ app_port }}", TemplateVars.of(WEB1, null, Map.of()), "web1"));
        assertTrue(e.getMessage().startsWith("the template uses db_host, db_port but web1 has no such variable"), e.getMessage());
    }

    @Test
    void aValueWithDollarsAndBackslashesIsWrittenAsItIs() {
        assertEquals("p=$1\\x", Template.render("p={{ v }}", Map.of("v", "$1\\x"), "web1"));
    }
}
