package io.asyncworker.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.asyncworker.App;
import io.asyncworker.ComponentHealth;
import io.asyncworker.Settings;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.util.List;
import org.slf4j.LoggerFactory;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** When the server starts, where it listens, and how it stops. */
class ServerLifecycleIT {

    @Test
    void doesNotStartWhenNoRouteAndNoMetricsNeedIt() throws Exception {
        int port = freePort();
        App app = App.create(TestServer.settings(Map.of(HttpSettings.METRICS_ENABLED.name(), "false",
                HttpSettings.PORT.name(), Integer.toString(port))));
        try (app) {
            app.start();
            assertThat(HttpAddress.of(app)).isEmpty();
            assertThat(app.health().components()).noneMatch(c -> c.kind().equals("server"));
            assertThat(app.meters().getRegistries()).isEmpty();
            assertRefused(port);
        }
    }

    @Test
    void startsForMetricsAloneOnTheConfiguredPaths() throws Exception {
        try (TestServer server = TestServer.start(Map.of(HttpSettings.METRICS_PATH.name(), "/prom", HttpSettings.HEALTH_PATH.name(), "/ready"),
                app -> { })) {
            assertThat(server.get("/prom").statusCode()).isEqualTo(200);
            assertThat(server.get("/ready").statusCode()).isEqualTo(200);
            assertThat(server.get("/metrics").statusCode()).isEqualTo(404);
            assertThat(server.get("/health").statusCode()).isEqualTo(404);
        }
    }

    @Test
    void servesHealthButNoMetricsWhenMetricsAreDisabled() throws Exception {
        HttpRoute ping = HttpRoute.get("/ping", req -> Response.text("pong"));
        try (TestServer server = TestServer.start(Map.of(HttpSettings.METRICS_ENABLED.name(), "false"), app -> { }, ping)) {
            assertThat(server.get("/ping").body()).isEqualTo("pong");
            assertThat(server.get("/metrics").statusCode()).isEqualTo(404);
            assertThat(server.get("/health").statusCode()).isEqualTo(200);
            assertThat(server.app.meters().getRegistries()).isEmpty();
        }
    }

    @Test
    void stopRefusesNewConnectionsFirstThenWaitsForRequestsInFlight() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        HttpRoute slow = HttpRoute.get("/slow", req -> {
            entered.countDown();
            release.await();
            return Response.text("finished");
        });
        TestServer server = TestServer.start(slow);
        int port = HttpAddress.of(server.app).orElseThrow().port();
        CompletableFuture<HttpResponse<String>> call = TestServer.CLIENT.sendAsync(
                HttpRequest.newBuilder(server.uri("/slow")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Void> stop = CompletableFuture.runAsync(server.app::stop);

        assertRefused(port);
        assertThat(HttpAddress.of(server.app)).isEmpty();
        assertThat(stop).isNotDone();
        release.countDown();

        HttpResponse<String> r = call.get(5, TimeUnit.SECONDS);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("finished");
        stop.get(5, TimeUnit.SECONDS);
        assertThat(server.app.meters().getRegistries()).noneMatch(PrometheusMeterRegistry.class::isInstance);
        server.close();
    }

    /**
     * An async handler's task has ended while its answer is still pending (the handler runner is
     * idle then): the stop must still wait for that answer to be written.
     */
    @Test
    void stopWaitsForAnAsyncAnswerStillPendingAfterItsHandlerReturned() throws Exception {
        CompletableFuture<Response> pending = new CompletableFuture<>();
        CountDownLatch returned = new CountDownLatch(1);
        HttpRoute later = HttpRoute.async(HttpMethod.GET, "/later", req -> {
            returned.countDown();
            return pending;
        });
        TestServer server = TestServer.start(later);
        CompletableFuture<HttpResponse<String>> call = TestServer.CLIENT.sendAsync(
                HttpRequest.newBuilder(server.uri("/later")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(returned.await(5, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Void> stop = CompletableFuture.runAsync(server.app::stop);

        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> !stop.isDone());
        pending.complete(Response.text("answered"));

        HttpResponse<String> r = call.get(5, TimeUnit.SECONDS);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("answered");
        stop.get(5, TimeUnit.SECONDS);
        server.close();
    }

    @Test
    void stopInterruptsHandlersThatOutliveTheShutdownBudget() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        HttpRoute stuck = HttpRoute.get("/stuck", req -> {
            entered.countDown();
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                interrupted.countDown();
                throw e;
            }
            return Response.ok();
        });
        TestServer server = TestServer.start(Map.of(Settings.SHUTDOWN_TIMEOUT.name(), "500ms"), app -> { }, stuck);
        TestServer.CLIENT.sendAsync(HttpRequest.newBuilder(server.uri("/stuck")).build(), HttpResponse.BodyHandlers.discarding());
        assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();
        long started = System.nanoTime();
        server.close();
        assertThat(interrupted.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    /**
     * Regression: the interrupted count was read while handlers removed themselves (it could be lower
     * than the number interrupted), and each interrupted handler was logged at ERROR with a stack trace
     * where an interrupted schedule run logs one WARN line.
     */
    @Test
    void handlersInterruptedByTheStopAreCountedExactlyAndLoggedAsOneWarnLineEach() throws Exception {
        int handlers = 3;
        CountDownLatch entered = new CountDownLatch(handlers);
        HttpRoute stuck = HttpRoute.get("/stuck/{n}", req -> {
            entered.countDown();
            Thread.sleep(60_000);
            return Response.ok();
        });
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(logs);
        try {
            TestServer server = TestServer.start(Map.of(Settings.SHUTDOWN_TIMEOUT.name(), "300ms"), app -> { }, stuck);
            for (int i = 0; i < handlers; i++) {
                TestServer.CLIENT.sendAsync(HttpRequest.newBuilder(server.uri("/stuck/" + i)).build(),
                        HttpResponse.BodyHandlers.discarding());
            }
            assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();
            server.close();
        } finally {
            root.detachAppender(logs);
        }
        List<ILoggingEvent> ours = logs.list.stream().filter(e -> e.getLoggerName().startsWith("io.asyncworker")).toList();
        assertThat(ours).filteredOn(e -> e.getFormattedMessage().contains("was interrupted by the stop"))
                .hasSize(handlers).allMatch(e -> e.getLevel() == Level.WARN && e.getThrowableProxy() == null);
        assertThat(ours).filteredOn(e -> e.getFormattedMessage().contains("HTTP requests still running"))
                .singleElement().satisfies(e -> assertThat(e.getFormattedMessage()).contains("interrupted 3 handlers"));
        assertThat(ours).noneMatch(e -> e.getLevel() == Level.ERROR);
    }

    @Test
    void failsToStartNamingTheAddressWhenThePortIsTaken() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            App app = App.create(TestServer.settings(Map.of(HttpSettings.PORT.name(), Integer.toString(taken.getLocalPort()))));
            try (app) {
                assertThatThrownBy(app::start).isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("127.0.0.1:" + taken.getLocalPort())
                        .hasMessageContaining(HttpSettings.PORT.name());
            }
            assertThat(app.meters().getRegistries()).isEmpty();
        }
    }

    @Test
    void reportsTheServerInHealth() throws Exception {
        try (TestServer server = TestServer.start()) {
            HttpAddress address = HttpAddress.of(server.app).orElseThrow();
            assertThat(address.host()).isEqualTo("127.0.0.1");
            assertThat(address.port()).isPositive();
            assertThat(server.app.health().components()).containsExactly(
                    ComponentHealth.up("server", "http 127.0.0.1:" + address.port()));
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        }
    }

    static void assertRefused(int port) {
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(IOException.class));
    }
}
