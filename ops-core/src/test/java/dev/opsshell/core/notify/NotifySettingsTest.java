package dev.opsshell.core.notify;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NotifySettingsTest {

    @Test
    void theSettingsTableKeepsEveryRowInLineWhateverTheLengthOfItsKeyOrValue() {
        // notify.email.password_env and its value pushed their row out of line (seen in notifications() in tmux)
        NotifySettings s = NotifySettings.defaults().with("email.host", "smtp.a-rather-long-name.example.org");
        List<String> rows = s.describe().lines().toList();
        assertEquals(NotifySettings.KEYS.size(), rows.size());
        int column = -1;
        for (String row : rows) {
            String key = row.strip().split(" ")[0];
            String description = NotifySettings.KEYS.get(key.substring("notify.".length()))[1];
            int at = row.lastIndexOf(description);
            assertTrue(at > 0, row);
            if (column < 0) column = at;
            assertEquals(column, at, "every description starts in one column: " + row);
        }
    }

    @Test
    void aMalformedWebhookUrlIsRefusedWithoutShowingIt() {
        String secretPath = "hooks.slack.com/services/T000/B000/XXXXSECRET";
        String m = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> NotifySettings.defaults().with("webhook.url", secretPath)).getMessage();
        assertTrue(m.startsWith("notify.webhook.url must be an http:// or https:// URL"), m);
        assertTrue(!m.contains("SECRET") && !m.contains("T000"), "the URL is not shown: " + m);
    }

    @Test
    void aNotifierTimeoutIsAtMostTenMinutes() {
        assertEquals(java.time.Duration.ofMinutes(10), NotifySettings.defaults().with("timeout", "10m").timeout());
        String m = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> NotifySettings.defaults().with("timeout", "4w")).getMessage();
        assertTrue(m.startsWith("notify.timeout must be at most 10m"), m);
    }
}
