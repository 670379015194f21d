package io.asyncworker.sse.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.asyncworker.sse.SseConnection;
import io.asyncworker.sse.SseRoute;
import io.vertx.core.MultiMap;
import org.junit.jupiter.api.Test;

class UrlsAndSpecTest {

    @Test
    void joinsPathsToTheBaseUrl() {
        assertThat(Urls.join("https://h/api", "/stream")).isEqualTo("https://h/api/stream");
        assertThat(Urls.join("https://h/api/", "stream?x=1")).isEqualTo("https://h/api/stream?x=1");
    }

    @Test
    void resolvesRedirectLocations() {
        assertThat(Urls.resolve("http://h:1/a/b", "/c")).isEqualTo("http://h:1/c");
        assertThat(Urls.resolve("http://h:1/a/b", "c")).isEqualTo("http://h:1/a/c");
        assertThat(Urls.resolve("http://h:1/a", "https://o/x")).isEqualTo("https://o/x");
    }

    @Test
    void resolvesSameDocumentReferencesAsRfc3986Does() {
        assertThat(Urls.resolve("http://h/a/stream?x=1#f", "")).isEqualTo("http://h/a/stream?x=1");
        assertThat(Urls.resolve("http://h/a/stream?x=1", "  ")).isEqualTo("http://h/a/stream?x=1");
        assertThat(Urls.resolve("http://h/a/stream?x=1", "#top")).isEqualTo("http://h/a/stream?x=1");
        assertThat(Urls.resolve("http://h/a/stream?x=1", "?y=2")).isEqualTo("http://h/a/stream?y=2");
        assertThat(Urls.resolve("http://h/a/stream", "?y=2#z")).isEqualTo("http://h/a/stream?y=2");
    }

    @Test
    void comparesOrigins() {
        assertThat(Urls.sameOrigin("http://h/a", "http://H:80/b")).isTrue();
        assertThat(Urls.sameOrigin("http://h/a", "https://h/a")).isFalse();
        assertThat(Urls.sameOrigin("http://h:1/a", "http://h:2/a")).isFalse();
    }

    @Test
    void requestHeadersCarryAcceptAuthAndLastEventId() {
        SseConnection conn = SseConnection.builder().baseUrl("http://h/api").bearerToken("t")
                .header("X-A", "conn").header("X-B", "conn").build();
        SseRoute route = SseRoute.consume("/s").header("x-b", "route").handler(b -> { });
        StreamSpec spec = StreamSpec.of(route, conn, "/s", io.asyncworker.Settings.from(java.util.Map.of()));

        assertThat(spec.url()).isEqualTo("http://h/api/s");
        MultiMap h = spec.requestHeaders(spec.url(), "42");
        assertThat(h.get("Accept")).isEqualTo("text/event-stream");
        assertThat(h.get("Cache-Control")).isEqualTo("no-cache");
        assertThat(h.get("Authorization")).isEqualTo("Bearer t");
        assertThat(h.get("Last-Event-ID")).isEqualTo("42");
        assertThat(h.get("X-A")).isEqualTo("conn");
        assertThat(h.getAll("X-B")).containsExactly("route");
        assertThat(spec.highWater()).isEqualTo(16_384);

        assertThat(spec.requestHeaders(spec.url(), "café").get("Last-Event-ID"))
                .as("one char per UTF-8 byte").isEqualTo("caf\u00c3\u00a9");
        assertThat(spec.requestHeaders(spec.url(), "a\u0001b").get("Last-Event-ID")).as("not sendable").isNull();
        assertThat(StreamSpec.isSendable("tab\tand ünïcode")).isTrue();
        assertThat(StreamSpec.isSendable("del\u007f")).isFalse();

        MultiMap elsewhere = spec.requestHeaders("http://other/s", "");
        assertThat(elsewhere.get("Authorization")).isNull();
        assertThat(elsewhere.get("Last-Event-ID")).isNull();
    }

    @Test
    void readsStatusAndContentType() {
        assertThat(StreamStatus.isEventStream("text/event-stream")).isTrue();
        assertThat(StreamStatus.isEventStream("Text/Event-Stream; charset=utf-8")).isTrue();
        assertThat(StreamStatus.isEventStream("text/plain")).isFalse();
        assertThat(StreamStatus.isEventStream(null)).isFalse();
        assertThat(StreamStatus.isRedirect(307)).isTrue();
        assertThat(StreamStatus.isRedirect(304)).isFalse();
        assertThat(StreamStatus.describe(500, "Internal Server Error", null, "u")).isEqualTo("HTTP 500 Internal Server Error from u");
    }

    @Test
    void resolvesConnectionsForRoutes() {
        SseConnection a = SseConnection.builder().name("a").baseUrl("http://a").build();
        SseConnection b = SseConnection.builder().name("b").baseUrl("http://b").build();
        SseRoute relative = SseRoute.consume("/s").handler(x -> { });
        SseRoute absolute = SseRoute.consume("http://x/s").handler(x -> { });

        assertThat(RouteConnections.resolve(relative, java.util.List.of(a))).isSameAs(a);
        assertThat(RouteConnections.resolve(SseRoute.consume("/s").connection("b").handler(x -> { }), java.util.List.of(a, b))).isSameAs(b);
        assertThat(RouteConnections.resolve(absolute, java.util.List.of()).name()).isEqualTo("default");
        assertThatThrownBy(() -> RouteConnections.resolve(relative, java.util.List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("baseUrl");
        assertThatThrownBy(() -> RouteConnections.resolve(relative, java.util.List.of(a, b)))
                .hasMessageContaining("must choose one of the SSE connections a, b");
        assertThatThrownBy(() -> RouteConnections.resolve(SseRoute.consume("/s").connection("zz").handler(x -> { }), java.util.List.of(a)))
                .hasMessageContaining("'zz'");
    }
}
