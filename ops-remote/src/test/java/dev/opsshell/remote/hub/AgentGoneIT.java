package dev.opsshell.remote.hub;

import dev.opsshell.core.events.AgentGone;
import dev.opsshell.core.testing.Await;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** An agent killed outright is marked down by the hub, and the session hears it as an {@link AgentGone} (for notifications). */
class AgentGoneIT {
    @TempDir
    Path dir;

    @Test
    void aKilledAgentBecomesAnAgentGoneEventOnTheSession() throws Exception {
        try (HubFixture fx = new HubFixture(dir)) {
            List<AgentGone> gone = new CopyOnWriteArrayList<>();
            fx.session.events().subscribe(AgentGone.class, gone::add);
            AgentProcess stays = fx.accepted("stays");
            AgentProcess victim = fx.accepted("victim");
            victim.process.destroyForcibly();
            Await.until(Duration.ofSeconds(60), "the hub to mark the agent down", () -> !gone.isEmpty());
            assertEquals("victim", gone.get(0).name());
            assertEquals(AgentInfo.DOWN, fx.hub.agent("victim").orElseThrow().state());
            assertEquals(1, gone.size(), "told more than once, or of an agent still connected: " + gone);
            assertEquals(AgentInfo.CONNECTED, fx.hub.agent(stays.name).orElseThrow().state());
        }
    }
}
