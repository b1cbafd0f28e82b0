package dev.opsshell.agent.protocol;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CodecTest {

    private static Message roundTrip(Message m) throws ProtocolException {
        return Codec.decode(Codec.encode(m));
    }

    @Test
    void everyRequestSurvivesEncodingUnchanged() throws ProtocolException {
        Message.Exec exec = new Message.Exec(7, List.of("ls", "-l"), null, Map.of("A", "1"), "/tmp", true, "nobody", 5000, 1024);
        assertEquals(exec, roundTrip(exec));
        assertEquals(new Message.ReadFile(8, "/etc/hosts", 10, 100), roundTrip(new Message.ReadFile(8, "/etc/hosts", 10, 100)));
        assertEquals(new Message.Facts(9), roundTrip(new Message.Facts(9)));
        assertEquals(new Message.Metrics(10), roundTrip(new Message.Metrics(10)));
        assertEquals(new Message.Ping(11, 123456789L), roundTrip(new Message.Ping(11, 123456789L)));
        assertEquals(new Message.Cancel(12, 7), roundTrip(new Message.Cancel(12, 7)));
    }

    @Test
    void bytesTravelAsBase64AndComeBackExactly() throws ProtocolException {
        byte[] data = {0, 1, (byte) 0xff, '\n', 'x'};
        Message.Output out = (Message.Output) roundTrip(new Message.Output(3, true, data));
        assertArrayEquals(data, out.data());
        assertTrue(out.stderr());
        Message.WriteFile w = (Message.WriteFile) roundTrip(new Message.WriteFile(4, "/x", 0, data, true, "644"));
        assertArrayEquals(data, w.data());
        assertEquals("644", w.mode());
    }

    @Test
    void aWriteCarriesItsTransferAndTheSharedDirectoryFlagWhichAnOlderSenderLeavesOff() throws ProtocolException {
        Message.WriteFile w = (Message.WriteFile) roundTrip(new Message.WriteFile(4, "/tmp/x", 0, new byte[0], true, null,
                "copy-1", true, "750"));
        assertEquals("750", w.newFileMode());
        assertEquals("copy-1", w.transfer());
        assertTrue(w.sharedDirectory());
        Message.WriteFile old = (Message.WriteFile) Codec.decode(("{\"t\":\"write-file\",\"id\":5,\"path\":\"/x\","
                + "\"offset\":0,\"data\":\"\",\"last\":true}").getBytes(StandardCharsets.UTF_8));
        assertEquals(null, old.transfer());
        assertEquals(false, old.sharedDirectory(), "an older hub never asks for a shared directory");
    }

    @Test
    void aFrameIsOneJsonObjectNamedByItsTypeField() {
        String json = new String(Codec.encode(new Message.Ping(1, 2)), StandardCharsets.UTF_8);
        assertEquals("{\"t\":\"ping\",\"id\":1,\"sentNanos\":2}", json);
    }

    @Test
    void relayedRequestsKeepTheirInnerType() throws ProtocolException {
        Message.Relay relay = new Message.Relay("web1", Message.Exec.shell(5, "uptime", 1000, 10));
        Message back = roundTrip(relay);
        assertEquals(relay, back);
        assertInstanceOf(Message.Exec.class, ((Message.Relay) back).request());
    }

    @Test
    void unknownFieldsAreIgnoredSoNewerPeersStillTalkToOlderOnes() throws ProtocolException {
        Message m = Codec.decode("{\"t\":\"ping\",\"id\":4,\"sentNanos\":1,\"priority\":9}".getBytes(StandardCharsets.UTF_8));
        assertEquals(new Message.Ping(4, 1), m);
    }

    @Test
    void anUnknownTypeIsRefusedWithTheIdSoItCanBeAnswered() {
        ProtocolException e = assertThrows(ProtocolException.class,
                () -> Codec.decode("{\"t\":\"eval\",\"id\":42,\"code\":\"rm -rf /\"}".getBytes(StandardCharsets.UTF_8)));
        assertEquals(42, e.id());
        assertEquals(ErrorCode.UNKNOWN_TYPE, e.code());
        assertTrue(e.getMessage().contains("eval"));
    }

    @Test
    void garbageIsMalformedWithoutAnId() {
        ProtocolException e = assertThrows(ProtocolException.class,
                () -> Codec.decode(new byte[] {(byte) 0xde, (byte) 0xad, '{'}));
        assertEquals(-1, e.id());
        assertEquals(ErrorCode.MALFORMED, e.code());
        assertEquals(ErrorCode.MALFORMED, assertThrows(ProtocolException.class,
                () -> Codec.decode("[1,2]".getBytes(StandardCharsets.UTF_8))).code());
        assertEquals(ErrorCode.MALFORMED, assertThrows(ProtocolException.class,
                () -> Codec.decode("{\"t\":\"exec\",\"id\":\"x\"}".getBytes(StandardCharsets.UTF_8))).code());
    }

    @Test
    void errorCodesUseDashedLowerCaseNamesOnTheWire() {
        assertEquals("agent-not-connected", ErrorCode.AGENT_NOT_CONNECTED.wire());
        assertEquals(new Message.ErrorReply(3, "busy", "x"), ErrorCode.BUSY.reply(3, "x"));
    }
}
