package io.asyncworker.http.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.asyncworker.ComponentHealth;
import io.asyncworker.Health;
import io.asyncworker.http.Response;
import io.asyncworker.jackson.JacksonCodec;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class BuiltinRoutesTest {

    @Test
    void healthIsDownWithEveryReasonWhenTheAppIsNotRunning() {
        Health health = new Health(false, List.of(new ComponentHealth("stream", "feed", ComponentHealth.State.STARTING, "")));
        Response r = BuiltinRoutes.health(health);
        assertThat(r.status()).isEqualTo(503);
        assertThat(new String(r.body(JacksonCodec.json()), StandardCharsets.UTF_8))
                .isEqualTo("{\"status\":\"DOWN\",\"running\":false,\"components\":[{\"kind\":\"stream\",\"name\":\"feed\","
                        + "\"state\":\"STARTING\",\"detail\":\"\"}],\"reasons\":[\"app is not running\",\"stream feed is STARTING\"]}");
    }

    @Test
    void healthIsUpWhenRunningAndEveryComponentIsUp() {
        Response r = BuiltinRoutes.health(new Health(true, List.of(ComponentHealth.up("schedule", "nightly"))));
        assertThat(r.status()).isEqualTo(200);
        assertThat(new String(r.body(JacksonCodec.json()), StandardCharsets.UTF_8)).startsWith("{\"status\":\"UP\"");
    }

    @Test
    void probesAreUpWithoutProblemsElse503WithTheReasons() {
        Response up = BuiltinRoutes.probe(List.of());
        assertThat(up.status()).isEqualTo(200);
        assertThat(new String(up.body(JacksonCodec.json()), StandardCharsets.UTF_8)).isEqualTo("{\"status\":\"UP\"}");
        Response down = BuiltinRoutes.probe(List.of("consumer q is DOWN"));
        assertThat(down.status()).isEqualTo(503);
        assertThat(new String(down.body(JacksonCodec.json()), StandardCharsets.UTF_8))
                .isEqualTo("{\"status\":\"DOWN\",\"reasons\":[\"consumer q is DOWN\"]}");
    }

    @Test
    void probePathsSitBelowTheHealthPath() {
        assertThat(BuiltinRoutes.subPath("/health", "live")).isEqualTo("/health/live");
        assertThat(BuiltinRoutes.subPath("/ops/health/", "ready")).isEqualTo("/ops/health/ready");
        assertThat(BuiltinRoutes.subPath("/", "live")).isEqualTo("/live");
    }
}
