package io.asyncworker.jackson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.util.BufferRecycler;
import io.asyncworker.DecodeException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class JacksonCodecTest {
    record Item(long id, String name, Instant at) {
    }

    private final JacksonCodec codec = JacksonCodec.json();

    @Test
    void roundTripsRecordsWithIsoDates() {
        Item item = new Item(7, "seven", Instant.parse("2026-01-02T03:04:05Z"));
        byte[] json = codec.encode(item);
        assertThat(new String(json, StandardCharsets.UTF_8)).contains("\"at\":\"2026-01-02T03:04:05Z\"");
        assertThat(codec.decode(json, Item.class)).isEqualTo(item);
    }

    @Test
    void ignoresUnknownPropertiesSoProducersCanAddFields() {
        byte[] json = "{\"id\":1,\"name\":\"a\",\"extra\":true}".getBytes(StandardCharsets.UTF_8);
        assertThat(codec.decode(json, Item.class).name()).isEqualTo("a");
    }

    @Test
    void malformedBodyFailsWithThePositionButNotTheWholeBody() {
        byte[] body = "{\"id\": not-json, \"secret\": \"s3cret\"}".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> codec.decode(body, Item.class)).isInstanceOf(DecodeException.class)
                .hasMessage("not valid JSON (line 1, column 12)")
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void bytesAndStringsPassThrough() {
        byte[] raw = {1, 2, 3};
        assertThat(codec.encode(raw)).isSameAs(raw);
        assertThat(codec.decode("héllo".getBytes(StandardCharsets.UTF_8), String.class)).isEqualTo("héllo");
        assertThat(codec.decode(raw, byte[].class)).isSameAs(raw);
    }

    @Test
    void unencodableValueNamesItsType() {
        Object selfReferencing = new Object() {
            public Object getSelf() {
                return this;
            }
        };
        assertThatThrownBy(() -> codec.encode(selfReferencing)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot encode");
    }

    @Test
    void buffersReleasedOnOneVirtualThreadAreReusedOnTheNext() throws Exception {
        BufferRecycler first = onVirtualThread(this::takeAndReleaseRecycler);
        BufferRecycler second = onVirtualThread(this::takeAndReleaseRecycler);
        assertThat(second).isSameAs(first);
    }

    private BufferRecycler takeAndReleaseRecycler() {
        BufferRecycler r = codec.mapper().getFactory()._getBufferRecycler();
        r.releaseToPool();
        return r;
    }

    private static <T> T onVirtualThread(Callable<T> task) throws Exception {
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            return executor.submit(task).get();
        }
    }
}
