package io.asyncworker.sse.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The parser's maximum line and event size, which a hostile server must not get past. */
class EventStreamLimitsTest {
    private static final int MAX = 1024;
    private final Recorder recorder = new Recorder();
    private final EventStreamParser parser = new EventStreamParser(recorder, "", MAX);

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aLineWithoutEndIsRefusedOnceItPassesTheMaximumAcrossChunks() {
        parser.feed(bytes("data: " + "x".repeat(MAX - 6)));   // exactly the maximum, still open
        assertThatThrownBy(() -> parser.feed(bytes("x")))
                .isInstanceOf(OversizedInputException.class).hasMessage("a line longer than 1024 bytes");
    }

    @Test
    void aLongLineInsideOneChunkIsRefused() {
        assertThatThrownBy(() -> parser.feed(bytes("data: " + "x".repeat(MAX) + "\n\n")))
                .isInstanceOf(OversizedInputException.class).hasMessageContaining("line longer than 1024");
        assertThat(recorder.items).isEmpty();
    }

    @Test
    void aLineOfExactlyTheMaximumPasses() {
        parser.feed(bytes("data:" + "x".repeat(MAX - 5) + "\n\n"));
        assertThat(recorder.items).singleElement().asString().startsWith("event message [xxx");
    }

    @Test
    void manyShortDataLinesAddingUpBeyondTheMaximumAreRefused() {
        String line = "data: " + "y".repeat(99) + "\n";   // 100 bytes of data with its line feed
        for (int i = 0; i < 10; i++) {
            parser.feed(bytes(line));
        }
        assertThatThrownBy(() -> parser.feed(bytes(line)))
                .isInstanceOf(OversizedInputException.class).hasMessage("an event larger than 1024 bytes");
    }

    @Test
    void eventsUpToTheMaximumPassOneAfterAnother() {
        String event = ("data: " + "z".repeat(99) + "\n").repeat(10) + "\n";
        for (int i = 0; i < 100; i++) {
            parser.feed(bytes(event));
        }
        assertThat(recorder.items).hasSize(100);
    }

    @Test
    void afterEndTheParserReadsANewConnection() {
        assertThatThrownBy(() -> parser.feed(bytes("x".repeat(MAX + 1))));
        parser.end();
        parser.feed(bytes("id: 1\ndata: ok\n\n"));
        assertThat(recorder.items).containsExactly("event message [ok] id=1");
    }

    @Test
    void commentsAreReportedOnlyWhenWanted() {
        Recorder wanting = new Recorder() {
            @Override
            public boolean wantsComments() {
                return true;
            }
        };
        String stream = ":hello\n: world\n:\ndata: a\n\n";
        new EventStreamParser(wanting, "").feed(bytes(stream));
        parser.feed(bytes(stream));
        assertThat(wanting.items).containsExactly("comment [hello]", "comment [world]", "comment []",
                "event message [a] id=");
        assertThat(recorder.items).containsExactly("event message [a] id=");
    }
}
