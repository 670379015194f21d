/**
 * The HTTP backend: routes served by a Vert.x server, plus the built-in Prometheus and health
 * routes ({@code io.asyncworker.http}). Everything under {@code io.asyncworker.http.internal} is
 * implementation and exported to no module.
 *
 * <p>Its connection guards extend Vert.x's internal HTTP/1 decoder (Vert.x has no public hook for
 * them), which Vert.x exports to no module: on the module path the JVM needs
 * {@code --add-exports io.vertx.core/io.vertx.core.http.impl=io.asyncworker.http}, else the app
 * fails to start saying so.
 */
// micrometer.registry.prometheus is an automatic module named by the stable Automatic-Module-Name of its jar.
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"})
module io.asyncworker.http {
    requires transitive io.asyncworker.core;
    requires io.asyncworker.jackson;
    requires io.vertx.core;
    requires io.vertx.web;
    requires io.netty.buffer;
    requires io.netty.codec;
    requires io.netty.codec.http;
    requires io.netty.common;
    requires io.netty.handler;
    requires io.netty.transport;
    requires micrometer.registry.prometheus;
    requires org.slf4j;

    exports io.asyncworker.http;

    provides io.asyncworker.spi.BackendFactory with io.asyncworker.http.internal.HttpBackendFactory;
}
