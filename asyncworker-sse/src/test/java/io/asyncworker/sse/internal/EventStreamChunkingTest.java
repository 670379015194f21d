package io.asyncworker.sse.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Property: however a stream is cut into chunks, the streaming parser reports exactly what a
 * whole-buffer parse reports, and that equals the naive reference reading.
 */
class EventStreamChunkingTest {
    private static final String[] EOLS = {"\n", "\r", "\r\n"};
    private static final String[] WORDS = {"a", "hello", "é", "€uro", "😀", "日本語", "x:y", " lead", "", "{\"k\":1}"};

    @Test
    void randomChunkingsYieldTheSameEventsAsWholeBufferParsing() {
        for (long seed = 0; seed < 1_000; seed++) {
            Random random = new Random(seed);
            byte[] stream = randomStream(random);
            List<String> whole = Recorder.parse(stream);
            assertThat(whole).as("seed %d: reference", seed).isEqualTo(ReferenceParser.parse(stream));
            for (int round = 0; round < 20; round++) {
                assertThat(parseChunked(stream, random)).as("seed %d round %d", seed, round).isEqualTo(whole);
            }
        }
    }

    @Test
    void everySingleSplitPointOfAStreamGivesTheSameEvents() {
        byte[] stream = "\uFEFFid: 1\r\nevent: é\r\ndata: 😀\r\n\r\ndata: 日本\rretry: 10\r\r:c\ndata\n\n"
                .getBytes(StandardCharsets.UTF_8);
        List<String> whole = Recorder.parse(stream);
        assertThat(whole).containsExactly("event é [😀] id=1", "retry 10", "event message [日本] id=1", "event message [] id=1");
        for (int cut = 0; cut <= stream.length; cut++) {
            Recorder r = new Recorder();
            EventStreamParser p = new EventStreamParser(r, "");
            p.feed(stream, 0, cut);
            p.feed(stream, cut, stream.length - cut);
            p.end();
            assertThat(r.items).as("cut at %d", cut).isEqualTo(whole);
        }
    }

    private static List<String> parseChunked(byte[] stream, Random random) {
        Recorder r = new Recorder();
        EventStreamParser p = new EventStreamParser(r, "");
        int i = 0;
        while (i < stream.length) {
            int n = Math.min(stream.length - i, random.nextInt(random.nextBoolean() ? 4 : 40) + 1);
            byte[] chunk = new byte[n + 4];
            System.arraycopy(stream, i, chunk, 2, n); // parse from an offset inside a larger array
            p.feed(chunk, 2, n);
            i += n;
        }
        p.end();
        return r.items;
    }

    static byte[] randomStream(Random random) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (random.nextInt(4) == 0) {
            out.writeBytes("\uFEFF".getBytes(StandardCharsets.UTF_8));
        }
        int lines = random.nextInt(40);
        for (int i = 0; i < lines; i++) {
            out.writeBytes(randomLine(random).getBytes(StandardCharsets.UTF_8));
            out.writeBytes(EOLS[random.nextInt(EOLS.length)].getBytes(StandardCharsets.UTF_8));
        }
        if (random.nextBoolean()) {
            out.writeBytes(randomLine(random).getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    private static String randomLine(Random random) {
        String word = WORDS[random.nextInt(WORDS.length)];
        return switch (random.nextInt(10)) {
            case 0, 1 -> "";
            case 2, 3 -> "data: " + word;
            case 4 -> "data:" + word;
            case 5 -> "event: " + word;
            case 6 -> "id: " + (random.nextInt(5) == 0 ? "bad\0id" : word + random.nextInt(100));
            case 7 -> "retry: " + (random.nextBoolean() ? String.valueOf(random.nextInt(5000)) : word);
            case 8 -> ":" + word;
            default -> random.nextBoolean() ? "data" : "unknown: " + word;
        };
    }
}
