package io.asyncworker.sse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.asyncworker.Action;
import io.asyncworker.Origin;
import io.asyncworker.RouteOption;
import io.asyncworker.RouteType;
import io.asyncworker.Settings;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SseApiTest {

    @Test
    void routeCarriesEveryBatchOption() {
        SseRoute route = SseRoute.consume("https://feed.example/a", "/b").name("feed").bulkSize(50)
                .flushTimeout(Duration.ofSeconds(2)).onSuccess(Action.ACK).onException(Action.REJECT)
                .maxConcurrency(1).maxDeliveries(3).connection("main").lastEventId("7").handler(b -> { });

        assertThat(route.type()).isEqualTo(RouteType.SSE);
        assertThat(route.name()).isEqualTo("feed");
        assertThat(route.sources()).containsExactly("https://feed.example/a", "/b");
        assertThat(route.options().bulkSize()).isEqualTo(50);
        assertThat(route.options().onException()).isEqualTo(Action.REJECT);
        assertThat(route.options().maxConcurrency()).hasValue(1);
        assertThat(route.options().maxDeliveries()).hasValue(3);
        assertThat(route.connection().name()).contains("main");
        assertThat(route.lastEventId()).contains("7");
    }

    @Test
    void describesEffectiveOptionsWithOrigins() {
        SseRoute route = SseRoute.consume("https://feed.example/a").bulkSize(5).handler(b -> { });
        Map<String, RouteOption> opts = route.describe(Settings.from(Map.of())).stream()
                .collect(java.util.stream.Collectors.toMap(RouteOption::name, o -> o));
        assertThat(opts.get("bulkSize").origin()).isEqualTo(Origin.CODE);
        assertThat(opts.get("flushTimeout").origin()).isEqualTo(Origin.DEFAULT);
        assertThat(opts.get("streams").value()).isEqualTo("https://feed.example/a");
        assertThat(route.name()).isEqualTo("sse:https://feed.example/a");
    }

    @Test
    void routeBuilderRejectsBadArgumentsAtOnce() {
        assertThatThrownBy(SseRoute::consume).hasMessageContaining("urlsOrPaths");
        assertThatThrownBy(() -> SseRoute.consume(" ")).hasMessageContaining("urlOrPath");
        assertThatThrownBy(() -> SseRoute.consume("ftp://x/y")).hasMessageContaining("urlOrPath");
        assertThatThrownBy(() -> SseRoute.consume("http:///nohost")).hasMessageContaining("urlOrPath");
        assertThatThrownBy(() -> SseRoute.consume("/a", "/a")).hasMessageContaining("twice");
        assertThatThrownBy(() -> SseRoute.consume("/a").bulkSize(0)).hasMessageContaining("bulkSize");
        assertThatThrownBy(() -> SseRoute.consume("/a").flushTimeout(Duration.ZERO)).hasMessageContaining("flushTimeout");
        assertThatThrownBy(() -> SseRoute.consume("/a").maxConcurrency(0)).hasMessageContaining("maxConcurrency");
        assertThatThrownBy(() -> SseRoute.consume("/a").header("Bad Name", "v")).hasMessageContaining("header");
        assertThatThrownBy(() -> SseRoute.consume("/a").header("X", "a\r\nb")).hasMessageContaining("CR or LF");
        assertThatThrownBy(() -> SseRoute.consume("/a").lastEventId("a\nb")).hasMessageContaining("lastEventId");
        assertThatThrownBy(() -> SseRoute.consume("/a").name(" ")).hasMessageContaining("name");
        assertThatThrownBy(() -> SseRoute.consume("/a").handler(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void connectionBuilderRejectsBadArgumentsAtOnce() {
        assertThatThrownBy(() -> SseConnection.builder().baseUrl("feed.example")).hasMessageContaining("baseUrl");
        assertThatThrownBy(() -> SseConnection.builder().readIdleTimeout(Duration.ZERO)).hasMessageContaining("readIdleTimeout");
        assertThatThrownBy(() -> SseConnection.builder().connectTimeout(Duration.ofSeconds(-1))).hasMessageContaining("connectTimeout");
        assertThatThrownBy(() -> SseConnection.builder().backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .hasMessageContaining("backoff max");
        assertThatThrownBy(() -> SseConnection.builder().basicAuth("a:b", "c")).hasMessageContaining("basicAuth");
        assertThatThrownBy(() -> SseConnection.builder().bearerToken(" ")).hasMessageContaining("bearerToken");
    }

    @Test
    void connectionKeepsCredentialsOutOfItsString() {
        SseConnection c = SseConnection.builder().name("feed").baseUrl("https://feed.example").basicAuth("u", "p")
                .header("X-Key", "k").build();
        assertThat(c.authorization()).contains("Basic dTpw");
        assertThat(c.type()).isEqualTo(RouteType.SSE);
        assertThat(c.toString()).contains("feed").contains("Basic").doesNotContain("dTpw");
        assertThat(c.headers()).containsEntry("X-Key", "k");
        assertThat(SseConnection.to("http://h").baseUrl()).contains("http://h");
        assertThat(SseConnection.builder().bearerToken("t").build().authorization()).contains("Bearer t");
    }
}
