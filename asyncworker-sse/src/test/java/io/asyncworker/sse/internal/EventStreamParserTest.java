package io.asyncworker.sse.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EventStreamParserTest {

    static Stream<Arguments> specCases() {
        return Stream.of(
                // the WHATWG examples
                Arguments.of("whatwg: multi-line data joined with LF",
                        "data: YHOO\ndata: +2\ndata: 10\n\n",
                        List.of("event message [YHOO\n+2\n10] id=")),
                Arguments.of("whatwg: comment, ids, id reset, one space stripped",
                        ": test stream\n\ndata: first event\nid: 1\n\ndata:second event\nid\n\ndata:  third event\n\n",
                        List.of("event message [first event] id=1", "event message [second event] id=",
                                "event message [ third event] id=")),
                Arguments.of("whatwg: empty data, newline data, trailing block discarded",
                        "data\n\ndata\ndata\n\ndata:",
                        List.of("event message [] id=", "event message [\n] id=")),
                Arguments.of("whatwg: space after colon is optional",
                        "data:test\n\ndata: test\n\n",
                        List.of("event message [test] id=", "event message [test] id=")),
                // every rule
                Arguments.of("event type", "event: add\ndata: 73857293\n\n", List.of("event add [73857293] id=")),
                Arguments.of("event type resets after dispatch", "event: a\ndata: 1\n\ndata: 2\n\n",
                        List.of("event a [1] id=", "event message [2] id=")),
                Arguments.of("empty event field means message", "event\ndata: x\n\n", List.of("event message [x] id=")),
                Arguments.of("last event field wins", "event: a\nevent: b\ndata: x\n\n", List.of("event b [x] id=")),
                Arguments.of("id persists to later events", "id: 7\ndata: a\n\ndata: b\n\n",
                        List.of("event message [a] id=7", "event message [b] id=7")),
                Arguments.of("id with NUL ignored", "id: 1\ndata: a\n\nid: x\u0000y\ndata: b\n\n",
                        List.of("event message [a] id=1", "event message [b] id=1")),
                Arguments.of("id without data updates the last event id", "id: 5\n\ndata: a\n\n",
                        List.of("lastEventId 5", "event message [a] id=5")),
                Arguments.of("event type without data dispatches nothing", "event: a\n\ndata: b\n\n",
                        List.of("event message [b] id=")),
                Arguments.of("id without dispatch at end of stream does not count", "data: a\n\nid: 9",
                        List.of("event message [a] id=")),
                Arguments.of("retry digits", "retry: 3000\n", List.of("retry 3000")),
                Arguments.of("retry not digits ignored", "retry: 3s\nretry: -1\nretry: 1 0\nretry:\nretry: +5\n",
                        List.of()),
                Arguments.of("retry without space", "retry:15\n", List.of("retry 15")),
                Arguments.of("retry overflow saturates", "retry: 99999999999999999999999\n",
                        List.of("retry " + Long.MAX_VALUE)),
                Arguments.of("comments ignored", ":hello\n: world\ndata: a\n:\n\n", List.of("event message [a] id=")),
                Arguments.of("unknown fields ignored", "foo: bar\nDATA: x\ndata: y\nData: z\n\n",
                        List.of("event message [y] id=")),
                Arguments.of("field without colon", "data\n\n", List.of("event message [] id=")),
                Arguments.of("only one space stripped", "data:   x  \n\n", List.of("event message [  x  ] id=")),
                Arguments.of("tab not stripped", "data:\tx\n\n", List.of("event message [\tx] id=")),
                Arguments.of("colon inside value kept", "data: a:b: c\n\n", List.of("event message [a:b: c] id=")),
                Arguments.of("leading BOM stripped", "\uFEFFdata: a\n\n", List.of("event message [a] id=")),
                Arguments.of("only one BOM stripped", "\uFEFF\uFEFFdata: a\n\ndata: b\n\n",
                        List.of("event message [b] id=")),
                Arguments.of("BOM later in stream is content", "data: \uFEFFa\n\n",
                        List.of("event message [\uFEFFa] id=")),
                Arguments.of("CR line ends", "data: a\rdata: b\r\r", List.of("event message [a\nb] id=")),
                Arguments.of("CRLF line ends", "data: a\r\ndata: b\r\n\r\n", List.of("event message [a\nb] id=")),
                Arguments.of("mixed line ends", "data: a\r\ndata: b\rdata: c\n\r\n", List.of("event message [a\nb\nc] id=")),
                Arguments.of("LF CR is two line ends", "data: a\n\r", List.of("event message [a] id=")),
                Arguments.of("trailing event without blank line discarded", "data: a\n\ndata: b\n",
                        List.of("event message [a] id=")),
                Arguments.of("unterminated last line discarded", "data: a\n\ndata: b", List.of("event message [a] id=")),
                Arguments.of("multi-byte UTF-8", "event: é\ndata: 😀 €\n\n", List.of("event é [😀 €] id=")),
                Arguments.of("blank lines alone dispatch nothing", "\n\n\r\n\r", List.of()),
                Arguments.of("id reset to empty reported", "id: 1\n\nid\n\n", List.of("lastEventId 1", "lastEventId ")),
                Arguments.of("same id again not reported twice", "id: 1\n\nid: 1\n\n", List.of("lastEventId 1")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specCases")
    void followsTheEventStreamRules(String name, String stream, List<String> expected) {
        assertThat(Recorder.parse(stream.getBytes(StandardCharsets.UTF_8))).containsExactlyElementsOf(expected);
    }

    @Test
    void invalidUtf8DecodesWithReplacementCharacters() {
        byte[] stream = {'d', 'a', 't', 'a', ':', (byte) 0xE2, (byte) 0x82, '\n', '\n'};
        assertThat(Recorder.parse(stream)).containsExactly("event message [\uFFFD] id=");
    }

    @Test
    void invalidUtf8InSeveralDataLinesDecodesAsEachLineOnItsOwn() {
        byte[][] tails = {{(byte) 0xE2, (byte) 0x82}, {(byte) 0xF0, (byte) 0x9F}, {(byte) 0xC3}, {(byte) 0xFF},
                {(byte) 0xED, (byte) 0xA0}, {}};
        for (byte[] first : tails) {
            for (byte[] second : tails) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                out.writeBytes("data:".getBytes(StandardCharsets.UTF_8));
                out.writeBytes(first);
                out.writeBytes("\ndata:".getBytes(StandardCharsets.UTF_8));
                out.writeBytes(second);
                out.writeBytes(new byte[] {(byte) 0xBF, '\n', '\n'});
                // each line decoded on its own, as an incremental decoder sees them
                String expected = new String(first, StandardCharsets.UTF_8) + "\n"
                        + new String(concat(second, (byte) 0xBF), StandardCharsets.UTF_8);
                assertThat(Recorder.parse(out.toByteArray())).containsExactly("event message [" + expected + "] id=");
            }
        }
    }

    private static byte[] concat(byte[] a, byte b) {
        byte[] r = Arrays.copyOf(a, a.length + 1);
        r[a.length] = b;
        return r;
    }

    @Test
    void aRepeatedEventTypeAndANewOneAreBothReported() {
        assertThat(Recorder.parse("event: t\ndata: 1\n\nevent: t\ndata: 2\n\nevent: u\ndata: 3\n\nevent: t\ndata: 4\n\n"
                .getBytes(StandardCharsets.UTF_8))).containsExactly("event t [1] id=", "event t [2] id=",
                "event u [3] id=", "event t [4] id=");
    }

    @Test
    void bomPrefixThatIsNotABomIsKept() {
        byte[] stream = {(byte) 0xEF, (byte) 0xBB, 'x', '\n', 'd', 'a', 't', 'a', '\n', '\n'};
        assertThat(Recorder.parse(stream)).containsExactly("event message [] id=");
    }

    @Test
    void crAtChunkEndFollowedByLfIsOneLineEnd() {
        Recorder r = new Recorder();
        EventStreamParser p = new EventStreamParser(r, "");
        p.feed("data: a\r".getBytes(StandardCharsets.UTF_8));
        p.feed("\ndata: b\r".getBytes(StandardCharsets.UTF_8));
        p.feed("\n\r".getBytes(StandardCharsets.UTF_8));
        p.feed("\n".getBytes(StandardCharsets.UTF_8));
        assertThat(r.items).containsExactly("event message [a\nb] id=");
    }

    @Test
    void splitInsideAMultiByteCharacter() {
        byte[] all = "data: 😀\n\n".getBytes(StandardCharsets.UTF_8);
        Recorder r = new Recorder();
        EventStreamParser p = new EventStreamParser(r, "");
        for (byte b : all) {
            p.feed(new byte[] {b});
        }
        assertThat(r.items).containsExactly("event message [😀] id=");
    }

    @Test
    void resumesWithTheInitialLastEventId() {
        Recorder r = new Recorder();
        EventStreamParser p = new EventStreamParser(r, "41");
        p.feed("data: a\n\nid: 42\ndata: b\n\n".getBytes(StandardCharsets.UTF_8));
        assertThat(r.items).containsExactly("event message [a] id=41", "event message [b] id=42");
        assertThat(p.lastEventId()).isEqualTo("42");
    }

    @Test
    void endDiscardsThePendingEventButKeepsTheLastEventId() {
        Recorder r = new Recorder();
        EventStreamParser p = new EventStreamParser(r, "");
        p.feed("id: 3\ndata: a\n\ndata: half".getBytes(StandardCharsets.UTF_8));
        p.end();
        p.feed("data: b\n\n".getBytes(StandardCharsets.UTF_8));
        assertThat(r.items).containsExactly("event message [a] id=3", "event message [b] id=3");
    }
}
