package io.asyncworker.sse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.asyncworker.App;
import io.asyncworker.ComponentHealth;
import io.asyncworker.Settings;
import io.asyncworker.spi.ManualTimerService;
import java.time.Duration;
import java.util.Map;
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
                .on("/failing", req -> req.response().setStatusCode(500).end());
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

    private static App start(ManualTimerService timer, String path) {
        App app = App.create(Settings.from(Map.of()), timer);
        app.connection(SseConnection.builder().readIdleTimeout(Duration.ofSeconds(30)).build())
                .route(SseRoute.consume(server.url(path)).handler(batch -> { }));
        app.start();
        return app;
    }
}
