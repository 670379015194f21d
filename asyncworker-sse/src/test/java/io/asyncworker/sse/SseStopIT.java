package io.asyncworker.sse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.asyncworker.App;
import io.asyncworker.ComponentHealth;
import io.asyncworker.Settings;
import io.asyncworker.spi.ManualTimerService;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Stopping an app leaves no timer of a stream behind, whatever the stream was doing. */
class SseStopIT {
    private static SseTestServer server;

    @BeforeAll
    static void startServer() throws Exception {
        server = new SseTestServer()
                .on("/silent", req -> SseTestServer.open(req).write(": nothing to say yet\n\n"))
                .on("/failing", req -> req.response().setStatusCode(500).end())
                .on("/slow-a", new EventLog(2, 100, false)::serve)
                .on("/fast-b", new EventLog(2, 100, false)::serve);
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    @Test
    void stopCancelsTheReadIdleWatchdogOfAnOpenStream() {
        ManualTimerService timer = new ManualTimerService();
        App app = start(timer, "/silent");
        try (app) {
            await().atMost(Duration.ofSeconds(10)).until(() -> app.health().isUp());
            assertThat(timer.pendingDelays()).as("the watchdog").contains(Duration.ofSeconds(30));

            app.stop();
            assertThat(timer.pending()).isZero();
        }
    }

    @Test
    void stopCancelsTheReconnectDelayOfAFailingStream() {
        ManualTimerService timer = new ManualTimerService();
        App app = start(timer, "/failing");
        try (app) {
            await().atMost(Duration.ofSeconds(10)).until(() -> app.health().components().stream()
                    .anyMatch(c -> c.state() == ComponentHealth.State.DOWN && c.detail().contains("HTTP 500")));
            assertThat(timer.pending()).as("the reconnect delay").isEqualTo(1);

            app.stop();
            assertThat(timer.pending()).isZero();
            assertThat(app.health().components()).allMatch(c -> c.state() == ComponentHealth.State.STOPPED);
        }
    }

    @Test
    void aSlowRouteDoesNotStarveTheOthersOfTheirDrainBudget() {
        List<Integer> handledByB = new CopyOnWriteArrayList<>();
        App app = App.create(Settings.from(Map.of(Settings.SHUTDOWN_TIMEOUT.name(), "2")));
        app.meters().add(new SimpleMeterRegistry());
        app.connection(SseConnection.defaults())
                .route(SseRoute.consume(server.url("/slow-a")).bulkSize(10).flushTimeout(Duration.ofHours(1))
                        .handler(batch -> Thread.sleep(60_000)))   // until the budget is spent and it is interrupted
                .route(SseRoute.consume(server.url("/fast-b")).bulkSize(10).flushTimeout(Duration.ofHours(1))
                        .handler(batch -> batch.forEach(m -> handledByB.add(Integer.parseInt(m.id().orElseThrow())))));
        try (app) {
            app.start();
            await().atMost(Duration.ofSeconds(10)).until(() -> app.meters().find("asyncworker.messages.received")
                    .counters().stream().mapToDouble(Counter::count).sum() == 4);

            app.stop();
            assertThat(handledByB).containsExactly(1, 2);
            assertThat(app.meters().get("asyncworker.messages.settled").tag("route", "sse:" + server.url("/fast-b"))
                    .tag("action", "ack").counter().count()).isEqualTo(2.0);
        }
    }

    private static App start(ManualTimerService timer, String path) {
        App app = App.builder().settings(Settings.from(Map.of())).timer(timer).build();
        app.connection(SseConnection.builder().readIdleTimeout(Duration.ofSeconds(30)).build())
                .route(SseRoute.consume(server.url(path)).handler(batch -> { }));
        app.start();
        return app;
    }
}
