package io.asyncworker.sse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.asyncworker.App;
import io.asyncworker.ComponentHealth;
import io.asyncworker.Settings;
import io.asyncworker.spi.ManualTimerService;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Batching, reconnect timing and stop behaviour against a real SSE server, time driven by a manual clock. */
class SseBatchingIT {
    private static SseTestServer server;
    private final ManualTimerService timer = new ManualTimerService();
    private final List<List<Integer>> batches = new CopyOnWriteArrayList<>();
    private App app;

    @BeforeAll
    static void startServer() throws Exception {
        server = new SseTestServer();
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    @AfterEach
    void stopApp() {
        if (app != null) {
            app.close();
        }
    }

    private void start(SseRoute.Builder route) {
        start(SseConnection.defaults(), route);
    }

    private void start(SseConnection connection, SseRoute.Builder route) {
        start(connection, route, Duration.ZERO);
    }

    /** With {@code work} > 0 every batch takes that long, so that a fast stream outruns the handler. */
    private void start(SseConnection connection, SseRoute.Builder route, Duration work) {
        app = App.builder().settings(Settings.from(Map.of())).timer(timer).build();
        app.meters().add(new SimpleMeterRegistry());
        app.connection(connection).route(route.handler(batch -> {
            if (!work.isZero()) {
                Thread.sleep(work); // the handler's work, not a wait of the test
            }
            batches.add(batch.stream().map(m -> Integer.parseInt(m.id().orElseThrow())).toList());
        }));
        app.start();
    }

    private double counter(String name, String tag, String value) {
        return app.meters().get(name).tag(tag, value).counter().count();
    }

    @Test
    void deliversFullBatchesAtOnceAndThePartialOneAfterTheFlushTimeout() {
        server.on("/bulk", new EventLog(12, 100, false)::serve);
        start(SseRoute.consume(server.url("/bulk")).bulkSize(5).flushTimeout(Duration.ofSeconds(10)));

        await().atMost(Duration.ofSeconds(10)).until(() -> batches.size() == 2);
        assertThat(batches).containsExactlyInAnyOrder(List.of(1, 2, 3, 4, 5), List.of(6, 7, 8, 9, 10));
        timer.advance(Duration.ofSeconds(9));
        assertThat(batches).hasSize(2);
        timer.advance(Duration.ofSeconds(1));
        await().atMost(Duration.ofSeconds(10)).until(() -> batches.size() == 3);
        assertThat(batches.get(2)).containsExactly(11, 12);
        assertThat(counter("asyncworker.batch.flush", "reason", "timeout")).isEqualTo(1.0);
    }

    @Test
    void flushesThePartialBucketWhenTheStreamEnds() {
        server.on("/ends", new EventLog(3, 100, true)::serve);
        start(SseRoute.consume(server.url("/ends")).bulkSize(100).flushTimeout(Duration.ofHours(1)));

        await().atMost(Duration.ofSeconds(10)).until(() -> batches.size() == 1);
        assertThat(batches.get(0)).containsExactly(1, 2, 3);
        assertThat(counter("asyncworker.batch.flush", "reason", "end")).isEqualTo(1.0);
    }

    @Test
    void gracefulStopFlushesThePartialBucketToTheHandler() {
        server.on("/partial", new EventLog(3, 100, false)::serve);
        start(SseRoute.consume(server.url("/partial")).bulkSize(100).flushTimeout(Duration.ofHours(1)));

        await().atMost(Duration.ofSeconds(10))
                .until(() -> app.meters().find("asyncworker.messages.received").counters().stream()
                        .mapToDouble(c -> c.count()).sum() == 3.0);
        assertThat(batches).isEmpty();
        app.stop();
        assertThat(batches).containsExactly(List.of(1, 2, 3));
        assertThat(counter("asyncworker.batch.flush", "reason", "shutdown")).isEqualTo(1.0);
        assertThat(counter("asyncworker.messages.settled", "action", "ack")).isEqualTo(3.0);
        assertThat(app.health().components().get(0).state()).isEqualTo(ComponentHealth.State.STOPPED);
    }

    @Test
    void serverRetryFieldSetsTheReconnectDelay() {
        AtomicInteger calls = new AtomicInteger();
        server.on("/retry", req -> {
            int n = calls.incrementAndGet();
            var resp = SseTestServer.open(req);
            if (n == 1) {
                resp.end("retry: 4000\n" + SseTestServer.event("1", "{}"));
            } else {
                resp.write(SseTestServer.event(String.valueOf(n), "{}"));
            }
        });
        start(SseConnection.builder().backoff(Duration.ofMillis(20), Duration.ofMillis(100)).build(),
                SseRoute.consume(server.url("/retry")));

        await().atMost(Duration.ofSeconds(10)).until(() -> timer.pendingDelays().size() == 1
                && !app.health().components().get(0).isUp() && batches.size() == 1);
        Duration delay = timer.pendingDelays().get(0);
        assertThat(delay).isBetween(Duration.ofMillis(3200), Duration.ofMillis(4000));
        assertThat(batches.get(0)).containsExactly(1);
        assertThat(app.health().components().get(0).detail()).contains("the server closed the stream");

        timer.advance(delay.minusMillis(1));
        assertThat(calls.get()).isEqualTo(1);
        timer.advance(Duration.ofMillis(1));
        await().atMost(Duration.ofSeconds(10)).until(() -> batches.size() == 2);
        assertThat(server.requests("/retry").get(1).header("Last-Event-ID")).isEqualTo("1");
    }

    @Test
    void backsOffExponentiallyWhileTheServerFails() {
        server.on("/down", req -> req.response().setStatusCode(500).end());
        start(SseConnection.builder().backoff(Duration.ofSeconds(1), Duration.ofSeconds(5)).build(),
                SseRoute.consume(server.url("/down")));

        List<Duration> delays = new ArrayList<>();
        for (int attempt = 1; attempt <= 5; attempt++) {
            int expected = attempt;
            await().atMost(Duration.ofSeconds(10)).until(() -> server.requests("/down").size() == expected
                    && timer.pendingDelays().size() == 1 && timer.pendingDelays().get(0).toMillis() > 500);
            Duration d = timer.pendingDelays().get(0);
            delays.add(d);
            timer.advance(d);
        }
        long[] nominal = {1000, 2000, 4000, 5000, 5000};
        for (int i = 0; i < nominal.length; i++) {
            assertThat(delays.get(i).toMillis()).as("delay %d", i).isBetween((long) (nominal[i] * 0.8), nominal[i]);
        }
    }

    @Test
    void noContentStopsTheStreamForGood() {
        server.on("/gone", req -> req.response().setStatusCode(204).end());
        start(SseRoute.consume(server.url("/gone")));

        await().atMost(Duration.ofSeconds(10))
                .until(() -> app.health().components().get(0).state() == ComponentHealth.State.STOPPED);
        assertThat(app.health().components().get(0).detail()).contains("204");
        assertThat(timer.pending()).isZero();
        timer.advance(Duration.ofHours(1));
        assertThat(server.requests("/gone")).hasSize(1);
    }

    @Test
    void readsALargeStreamInOrderThroughPauseAndResume() {
        int events = 30_000; // well past the 16,384 unsettled events at which reading pauses
        server.on("/large", new EventLog(events, events, false)::serve);
        start(SseConnection.defaults(), SseRoute.consume(server.url("/large")).bulkSize(10).maxConcurrency(2),
                Duration.ofMillis(1));

        await().atMost(Duration.ofSeconds(60)).until(() -> batches.stream().mapToInt(List::size).sum() == events);
        List<Integer> all = batches.stream().flatMap(List::stream).sorted().toList();
        assertThat(all).containsExactlyElementsOf(IntStream.rangeClosed(1, events).boxed().toList());
        assertThat(batches).allSatisfy(b -> assertThat(b).hasSize(10));
    }
}
