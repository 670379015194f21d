package io.asyncworker.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.asyncworker.Action;
import io.asyncworker.App;
import io.asyncworker.ComponentHealth;
import io.asyncworker.RouteType;
import io.asyncworker.spi.Backend;
import io.asyncworker.spi.BackendContext;
import io.asyncworker.spi.BackendFactory;
import io.asyncworker.spi.FlushReason;
import io.asyncworker.spi.RouteMetrics;
import io.asyncworker.http.internal.HeldTimer;
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
    void readyIs503NamingTheConsumerWhileItIsDownAnd200WhenItIsBack() throws Exception {
        FakeConsumers consumers = new FakeConsumers();
        try (TestServer server = TestServer.start(Map.of(), List.of(consumers), app -> { })) {
            HttpResponse<String> up = server.get("/health/ready");
            assertThat(up.statusCode()).isEqualTo(200);
            assertThat(up.body()).isEqualTo("{\"status\":\"UP\"}");

            consumers.state.set(new ComponentHealth("consumer", "items-route/items", ComponentHealth.State.DOWN,
                    "connection lost"));
            HttpResponse<String> down = server.get("/health/ready");
            assertThat(down.statusCode()).isEqualTo(503);
            assertThat(down.headers().firstValue("Content-Type")).hasValue("application/json");
            assertThat(down.body()).isEqualTo(
                    "{\"status\":\"DOWN\",\"reasons\":[\"consumer items-route/items is DOWN: connection lost\"]}");
            assertThat(server.get("/health/live").statusCode()).as("a consumer down is no reason to restart").isEqualTo(200);

            consumers.state.set(ComponentHealth.up("consumer", "items-route/items"));
            assertThat(server.get("/health/ready").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void liveIs503NamingTheTimerWhileItsHeartbeatStallsAnd200OnceItRunsAgain() throws Exception {
        HeldTimer timer = new HeldTimer();
        try (TestServer server = TestServer.start(App.builder().settings(TestServer.settings(Map.of())).timer(timer),
                app -> { })) {
            timer.runHeld();
            assertThat(server.get("/health/live").body()).isEqualTo("{\"status\":\"UP\"}");

            timer.advance(Duration.ofSeconds(11)); // the clock moves, the timer thread does not run
            HttpResponse<String> stuck = server.get("/health/live");
            assertThat(stuck.statusCode()).isEqualTo(503);
            assertThat(stuck.body()).startsWith("{\"status\":\"DOWN\",\"reasons\":[\"the app's timer has not run its "
                    + "heartbeat for 11000 ms (limit 10000 ms)\"");
            assertThat(server.get("/health").statusCode()).as("/health is unchanged").isEqualTo(200);

            timer.runHeld();
            await().atMost(Duration.ofSeconds(5)).until(() -> server.get("/health/live").statusCode() == 200);
        }
    }

    @Test
    void probesFollowTheHealthPath() throws Exception {
        try (TestServer server = TestServer.start(Map.of(HttpSettings.HEALTH_PATH.name(), "/ops/health"), app -> { })) {
            assertThat(server.get("/ops/health/live").statusCode()).isEqualTo(200);
            assertThat(server.get("/ops/health/ready").statusCode()).isEqualTo(200);
            assertThat(server.get("/health/live").statusCode()).isEqualTo(404);
        }
    }

    @Test
    void metricsCarryJvmAndProcessMetersByDefault() throws Exception {
        try (TestServer server = TestServer.start(Map.of(), app -> { })) {
            String scrape = server.get("/metrics").body();
            assertThat(scrape).contains("jvm_memory_used_bytes{", "process_cpu_usage ", "jvm_threads_live_threads ",
                    "jvm_classes_loaded_classes ", "process_uptime_seconds ", "system_cpu_count ",
                    "asyncworker_http_server_connections ");
            assertThat(scrape).containsPattern("jvm_gc_[a-z_]+");
            assertThat(server.app.meters().find("jvm.memory.used").gauges()).as("not pushed to the app's other registries")
                    .isEmpty();
        }
    }

    @Test
    void jvmMetersAreLeftOutWhenSwitchedOff() throws Exception {
        try (TestServer server = TestServer.start(Map.of(HttpSettings.METRICS_JVM.name(), "false"), app -> { })) {
            String scrape = server.get("/metrics").body();
            assertThat(scrape).doesNotContain("jvm_memory_used_bytes").doesNotContain("process_cpu_usage");
            assertThat(scrape).contains("asyncworker_http_server_connections ");
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
