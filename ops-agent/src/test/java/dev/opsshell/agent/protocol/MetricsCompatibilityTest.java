package dev.opsshell.agent.protocol;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The metrics request and reply grew a field each; older hubs and agents still understand the new ones and the reverse. */
class MetricsCompatibilityTest {
    static Message decode(String json) throws ProtocolException {
        return Codec.decode(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anOlderHubsRequestAndAnOlderAgentsReplyStillDecode() throws ProtocolException {
        assertEquals(new Message.Metrics(5, 0), decode("{\"t\":\"metrics\",\"id\":5}"));
        Message.MetricsReply old = (Message.MetricsReply) decode("{\"t\":\"metrics-reply\",\"id\":6,\"values\":{\"uptime\":12.5}}");
        assertEquals(Map.of("uptime", 12.5), old.values());
        assertEquals(Map.of(), old.before(), "no earlier reading from an older agent");
    }

    @Test
    void theNewFieldsTravelAndAnOlderPeerWouldSkipThemAsUnknown() throws ProtocolException {
        Message.Metrics asked = new Message.Metrics(7, 1000);
        assertEquals(asked, Codec.decode(Codec.encode(asked)));
        String json = new String(Codec.encode(asked), StandardCharsets.UTF_8);
        assertTrue(json.contains("\"pairMillis\":1000"), json);
        Message.MetricsReply pair = new Message.MetricsReply(8, Map.of("uptime", 2.0), Map.of("uptime", 1.0));
        assertEquals(pair, Codec.decode(Codec.encode(pair)));
        // an older hub's record has no "before": the codec ignores unknown fields, as an older one does
        assertEquals(new Message.Facts(9), decode("{\"t\":\"facts\",\"id\":9,\"somethingNew\":[1,2]}"));
    }
}
