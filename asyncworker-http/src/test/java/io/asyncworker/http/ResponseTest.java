package io.asyncworker.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.asyncworker.jackson.JacksonCodec;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResponseTest {
    private final JacksonCodec json = JacksonCodec.json();

    @Test
    void encodesJsonWithTheCodecWhenAsked() {
        Response r = Response.json(Map.of("a", 1));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType(json)).hasValue("application/json");
        assertThat(new String(r.body(json), StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}");
    }

    @Test
    void buildsChangedCopiesAndLeavesTheOriginalAlone() {
        Response base = Response.text("hi");
        Response changed = base.withStatus(201).header("X-A", "1").header("X-A", "2").header("content-type", "text/x");
        assertThat(base.status()).isEqualTo(200);
        assertThat(base.headers()).isEmpty();
        assertThat(changed.status()).isEqualTo(201);
        assertThat(changed.headers()).containsEntry("X-A", List.of("1", "2"));
        assertThat(changed.contentType(json)).hasValue("text/x");
    }

    @Test
    void hasNoBodyOrTypeForBareStatuses() {
        assertThat(Response.noContent().status()).isEqualTo(204);
        assertThat(Response.status(202).body(json)).isEmpty();
        assertThat(Response.ok().contentType(json)).isEmpty();
    }

    @Test
    void copiesByteBodies() {
        byte[] bytes = {1, 2};
        Response r = Response.bytes(bytes, "application/octet-stream");
        bytes[0] = 9;
        assertThat(r.body(json)).containsExactly(1, 2);
    }

    @Test
    void rejectsStatusesOutsideTheHttpRange() {
        assertThatThrownBy(() -> Response.status(99)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("99");
        assertThatThrownBy(() -> Response.ok().withStatus(600)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HttpException.of(302, "moved")).isInstanceOf(IllegalArgumentException.class);
    }
}
