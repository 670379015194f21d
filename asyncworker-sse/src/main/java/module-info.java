/**
 * The SSE backend: routes consuming remote Server-Sent Events streams over a Vert.x HTTP client
 * ({@code io.asyncworker.sse}). Everything under {@code io.asyncworker.sse.internal} is
 * implementation and exported to no module.
 */
module io.asyncworker.sse {
    requires transitive io.asyncworker.core;
    requires io.asyncworker.jackson;
    requires io.vertx.core;
    requires org.slf4j;

    exports io.asyncworker.sse;

    provides io.asyncworker.spi.BackendFactory with io.asyncworker.sse.internal.SseBackendFactory;
}
