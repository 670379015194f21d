package io.asyncworker.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.asyncworker.Action;
import io.asyncworker.ComponentHealth;
import io.asyncworker.RouteType;
import io.asyncworker.spi.Backend;
import io.asyncworker.spi.BackendContext;
import io.asyncworker.spi.BackendFactory;
import io.asyncworker.spi.FlushReason;
import io.asyncworker.spi.RouteMetrics;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The built-in Prometheus scrape and health routes. */
class MetricsAndHealthIT {

    /** A stand-in for a consumer backend whose state the test controls. */
    static final class FakeConsumers implements BackendFactory {
        final AtomicReference<ComponentHealth> state =
                new AtomicReference<>(ComponentHealth.up("consumer", "items-route/items"));

        @Override
        public RouteType type() {
            return RouteType.SCHEDULE;
        }

        @Override
        public boolean isNeeded(BackendContext context) {
            return true;
        }

        @Override
        public Backend create(BackendContext context) {
            return new Backend() {
                @Override public void start() { }
                @Override public void stopIntake() { }
                @Override public void drain(Duration budget) { }
                @Override public void close() { }
                @Override public List<ComponentHealth> health() { return List.of(state.get()); }
            };
        }
    }

    @Test
    void healthIsUpThenDownWithTheReasonWhenAComponentGoesDown() throws Exception {
        FakeConsumers consumers = new FakeConsumers();
        try (TestServer server = TestServer.start(Map.of(), java.util.List.of(consumers), app -> { })) {
            HttpResponse<String> up = server.get("/health");
            assertThat(up.statusCode()).isEqualTo(200);
            assertThat(up.headers().firstValue("Content-Type")).hasValue("application/json");
            assertThat(up.body()).startsWith("{\"status\":\"UP\",\"running\":true,\"components\":[")
                    .contains("{\"kind\":\"server\",\"name\":\"http 127.0.0.1:")
                    .contains("{\"kind\":\"consumer\",\"name\":\"items-route/items\",\"state\":\"UP\",\"detail\":\"\"}")
                    .doesNotContain("reasons");

            consumers.state.set(new ComponentHealth("consumer", "items-route/items", ComponentHealth.State.DOWN,
                    "connection lost"));
            HttpResponse<String> down = server.get("/health");
            assertThat(down.statusCode()).isEqualTo(503);
            assertThat(down.body()).startsWith("{\"status\":\"DOWN\"")
                    .contains("\"state\":\"DOWN\",\"detail\":\"connection lost\"")
                    .endsWith("\"reasons\":[\"consumer items-route/items is DOWN: connection lost\"]}");

            consumers.state.set(ComponentHealth.up("consumer", "items-route/items"));
            assertThat(server.get("/health").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void metricsShowMessageHandlerAndHttpMeters() throws Exception {
        HttpRoute item = HttpRoute.get("/items/{id}", req -> Response.text("item"));
        AtomicReference<RouteMetrics> meters = new AtomicReference<>();
        // Registered before the server adds its Prometheus registry: the composite hands them over.
        try (TestServer server = TestServer.start(Map.of(),
                app -> meters.set(RouteMetrics.of(app.meters(), "items-route")), item)) {
            RouteMetrics after = meters.get();
            after.received("items", 3);
            after.handlerDone(Duration.ofMillis(40), true);
            after.flushed(3, FlushReason.SIZE);
            after.settled("items", Action.ACK, 3);
            server.get("/items/1");
            server.get("/items/2");
            server.get("/nowhere/at/all");

            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
                HttpResponse<String> r = server.get("/metrics");
                assertThat(r.statusCode()).isEqualTo(200);
                assertThat(r.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
                assertThat(r.body()).contains(
                        "asyncworker_messages_received_total{queue=\"items\",route=\"items-route\"} 3.0",
                        "asyncworker_messages_settled_total{action=\"ack\",queue=\"items\",route=\"items-route\"} 3.0",
                        "asyncworker_handler_duration_seconds_count{result=\"success\",route=\"items-route\"} 1",
                        "asyncworker_batch_size_sum{route=\"items-route\"} 3.0",
                        "asyncworker_handler_inflight{route=\"items-route\"} 0.0",
                        "asyncworker_http_server_requests_seconds_count{method=\"GET\",route=\"/items/{id}\",status=\"200\"} 2",
                        "asyncworker_http_server_requests_seconds_count{method=\"GET\",route=\"NOT_FOUND\",status=\"404\"} 1");
                assertThat(r.body()).doesNotContain("route=\"/items/1\"").doesNotContain("/nowhere");
            });
        }
    }

    @Test
    void errorAnswersAreTimedUnderTheRouteTemplateNeverTheRawPath() throws Exception {
        HttpRoute item = HttpRoute.get("/items/{id}", req -> Response.text("item " + req.pathParam("id", long.class)));
        HttpRoute notes = HttpRoute.post("/items/{id}/notes", req -> Response.ok()).withBodyLimit(10);
        try (TestServer server = TestServer.start(Map.of(), app -> { }, item, notes)) {
            assertThat(server.get("/items/abc").statusCode()).isEqualTo(400);
            assertThat(server.send("DELETE", "/items/7").statusCode()).isEqualTo(405);
            assertThat(server.send("PURGE", "/items/8").statusCode()).isEqualTo(405);
            assertThat(server.send("POST", "/items/9/notes", "{\"text\": \"far too long\"}").statusCode()).isEqualTo(413);
            assertThat(server.send("HEAD", "/nowhere/10").statusCode()).isEqualTo(404);

            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
                assertThat(count(server, "GET", "/items/{id}", "400")).isEqualTo(1);
                assertThat(count(server, "DELETE", "/items/{id}", "405")).isEqualTo(1);
                assertThat(count(server, "OTHER", "/items/{id}", "405")).isEqualTo(1);
                assertThat(count(server, "POST", "/items/{id}/notes", "413")).isEqualTo(1);
                assertThat(count(server, "HEAD", "NOT_FOUND", "404")).isEqualTo(1);
            });
            assertThat(server.app.meters().find("asyncworker.http.server.requests").timers())
                    .allSatisfy(t -> assertThat(t.getId().getTag("route")).doesNotContainPattern("[0-9]|abc"));
        }
    }

    private static long count(TestServer server, String method, String route, String status) {
        var timer = server.app.meters().find("asyncworker.http.server.requests")
                .tags("method", method, "route", route, "status", status).timer();
        return timer == null ? 0 : timer.count();
    }
}
