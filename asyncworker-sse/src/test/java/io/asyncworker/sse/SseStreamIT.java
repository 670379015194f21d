package io.asyncworker.sse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.asyncworker.Action;
import io.asyncworker.App;
import io.asyncworker.ComponentHealth;
import io.asyncworker.Settings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The SSE client against a real Vert.x SSE server on loopback: connecting, resuming, recovering. */
class SseStreamIT {
    private static SseTestServer server;
    private final List<App> apps = new ArrayList<>();

    @BeforeAll
    static void startServer() throws Exception {
        server = new SseTestServer();
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    @AfterEach
    void stopApps() {
        apps.forEach(App::close);
    }

    static SseConnection.Builder fast() {
        return SseConnection.builder().backoff(Duration.ofMillis(20), Duration.ofMillis(200));
    }

    private App start(SseConnection connection, SseRoute route) {
        App app = App.create(Settings.from(Map.of()));
        app.meters().add(new SimpleMeterRegistry());
        app.connection(connection).route(route);
        apps.add(app);
        app.start();
        return app;
    }

    private static List<Integer> numbers(List<SseMessage> handled) {
        return handled.stream().map(m -> m.body(Item.class).n()).toList();
    }

    record Item(int n) {
    }

    @Test
    void batchesOfAStreamRunOneAtATimeInStreamOrderByDefault() {
        server.on("/ordered", new EventLog(20, 100, false)::serve);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        List<Integer> firsts = new CopyOnWriteArrayList<>();
        AtomicReference<App> app = new AtomicReference<>();
        app.set(start(fast().build(), SseRoute.consume(server.url("/ordered")).bulkSize(2).handler(batch -> {
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            int first = batch.get(0).body(Item.class).n();
            if (first == 1) { // hold the first batch until every event was read and the others wait
                await().atMost(Duration.ofSeconds(10)).until(() -> app.get() != null && received(app.get()) == 20);
            }
            firsts.add(first);
            running.decrementAndGet();
        })));

        await().atMost(Duration.ofSeconds(10)).until(() -> firsts.size() == 10);
        assertThat(mostAtOnce.get()).isEqualTo(1);
        assertThat(firsts).containsExactly(1, 3, 5, 7, 9, 11, 13, 15, 17, 19);
    }

    @Test
    void sendsHeadersAndBasicAuth() {
        server.on("/auth", req -> SseTestServer.open(req).write(SseTestServer.event("1", "{\"n\":1}")));
        List<SseMessage> handled = new CopyOnWriteArrayList<>();
        List<Boolean> virtual = new CopyOnWriteArrayList<>();
        start(fast().baseUrl(server.url("/")).basicAuth("alice", "s3cret").header("X-Tenant", "blue").build(),
                SseRoute.consume("/auth").header("X-Route", "r1").handler(batch -> {
                    virtual.add(Thread.currentThread().isVirtual());
                    handled.addAll(batch);
                }));

        await().atMost(Duration.ofSeconds(10)).until(() -> handled.size() == 1);
        SseTestServer.Seen seen = server.requests("/auth").get(0);
        assertThat(seen.header("Authorization"))
                .isEqualTo("Basic " + Base64.getEncoder().encodeToString("alice:s3cret".getBytes()));
        assertThat(seen.header("X-Tenant")).isEqualTo("blue");
        assertThat(seen.header("X-Route")).isEqualTo("r1");
        assertThat(seen.header("Accept")).isEqualTo("text/event-stream");
        assertThat(seen.header("Cache-Control")).isEqualTo("no-cache");
        assertThat(seen.header("Last-Event-ID")).isNull();
        SseMessage m = handled.get(0);
        assertThat(m.event()).isEqualTo("message");
        assertThat(m.id()).contains("1");
        assertThat(m.url()).isEqualTo(server.url("/auth"));
        assertThat(m.body(Item.class)).isEqualTo(new Item(1));
        assertThat(virtual).containsExactly(true);
    }

    @Test
    void checkProbesEveryStreamWithoutConsuming() {
        server.on("/probe-ok", req -> SseTestServer.open(req).write(SseTestServer.event("1", "{}")));
        App app = App.create(Settings.from(Map.of()));
        apps.add(app);
        app.connection(fast().baseUrl(server.url("")).build());
        app.route(SseRoute.consume("/probe-ok", "/probe-missing").handler(b -> { }));

        List<String> problems = app.check();

        assertThat(problems).singleElement().asString().contains("HTTP 404").contains("/probe-missing");
        assertThat(server.requests("/probe-ok")).hasSize(1);
    }

    @Test
    void startFailsWhenARelativePathHasNoBaseUrl() {
        App app = App.create(Settings.from(Map.of()));
        apps.add(app);
        app.route(SseRoute.consume("/relative").handler(b -> { }));
        org.assertj.core.api.Assertions.assertThatThrownBy(app::start)
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("baseUrl");
    }

    @Test
    void resumesWithLastEventIdAfterTheServerDropsTheConnection() {
        server.on("/drops", new EventLog(30, 7, false)::serve);
        List<SseMessage> handled = new CopyOnWriteArrayList<>();
        start(fast().build(), SseRoute.consume(server.url("/drops")).bulkSize(3)
                .flushTimeout(Duration.ofMillis(50)).handler(handled::addAll));

        await().atMost(Duration.ofSeconds(20)).until(() -> handled.size() >= 30);
        // batches run concurrently, so their order may vary; none lost, none twice
        assertThat(numbers(handled)).containsExactlyInAnyOrderElementsOf(java.util.stream.IntStream.rangeClosed(1, 30).boxed().toList());
        List<String> resumedFrom = server.requests("/drops").stream().map(s -> s.header("Last-Event-ID")).toList();
        assertThat(resumedFrom).startsWith(null, "7", "14", "21", "28");
    }

    @Test
    void resumesEachStreamOfARouteOnItsOwn() {
        server.on("/multi-a", new EventLog(10, 4, false)::serve);
        server.on("/multi-b", new EventLog(10, 3, false)::serve);
        List<SseMessage> handled = new CopyOnWriteArrayList<>();
        start(fast().baseUrl(server.url("")).build(), SseRoute.consume("/multi-a", "/multi-b").bulkSize(4)
                .flushTimeout(Duration.ofMillis(30)).handler(handled::addAll));

        await().atMost(Duration.ofSeconds(20)).until(() -> handled.size() >= 20);
        for (String path : List.of("/multi-a", "/multi-b")) {
            List<Integer> fromPath = handled.stream().filter(m -> m.url().endsWith(path))
                    .map(m -> m.body(Item.class).n()).toList();
            assertThat(fromPath).as(path).containsExactlyInAnyOrderElementsOf(java.util.stream.IntStream.rangeClosed(1, 10).boxed().toList());
        }
        assertThat(handled).hasSize(20);
        assertThat(server.requests("/multi-b").stream().map(s -> s.header("Last-Event-ID")).toList())
                .startsWith(null, "3", "6", "9");
    }

    @Test
    void followsRedirectsAndKeepsCredentialsOnTheSameOrigin() {
        server.on("/moved", req -> req.response().setStatusCode(302).putHeader("Location", "/target").end());
        server.on("/target", req -> SseTestServer.open(req).write(SseTestServer.event("9", "{\"n\":9}")));
        List<SseMessage> handled = new CopyOnWriteArrayList<>();
        start(fast().bearerToken("tok").build(), SseRoute.consume(server.url("/moved")).handler(handled::addAll));

        await().atMost(Duration.ofSeconds(10)).until(() -> handled.size() == 1);
        assertThat(server.requests("/target").get(0).header("Authorization")).isEqualTo("Bearer tok");
        assertThat(handled.get(0).url()).isEqualTo(server.url("/moved"));
    }

    @Test
    void dropsCredentialsWhenARedirectLeavesTheOrigin() {
        String otherOrigin = "http://localhost:" + server.port() + "/elsewhere";
        server.on("/away", req -> req.response().setStatusCode(307).putHeader("Location", otherOrigin).end());
        server.on("/elsewhere", req -> SseTestServer.open(req).write(SseTestServer.event("1", "{\"n\":1}")));
        List<SseMessage> handled = new CopyOnWriteArrayList<>();
        start(fast().bearerToken("secret").build(), SseRoute.consume(server.url("/away")).handler(handled::addAll));

        await().atMost(Duration.ofSeconds(10)).until(() -> handled.size() == 1);
        assertThat(server.requests("/elsewhere").get(0).header("Authorization")).isNull();
    }

    @Test
    void recoversFromServerErrorsAndWrongContentType() {
        AtomicInteger calls = new AtomicInteger();
        server.on("/flaky", req -> {
            switch (calls.incrementAndGet()) {
                case 1 -> req.response().setStatusCode(500).end("boom");
                case 2 -> req.response().putHeader("Content-Type", "text/plain").end("not a stream");
                default -> SseTestServer.open(req).write(SseTestServer.event("1", "{\"n\":1}"));
            }
        });
        List<SseMessage> handled = new CopyOnWriteArrayList<>();
        App app = start(fast().build(), SseRoute.consume(server.url("/flaky")).handler(handled::addAll));

        await().atMost(Duration.ofSeconds(10)).until(() -> handled.size() == 1);
        assertThat(calls.get()).isEqualTo(3);
        await().atMost(Duration.ofSeconds(5)).until(() -> app.health().isUp());
        assertThat(app.meters().get("asyncworker.consumer.up").gauge().value()).isEqualTo(1.0);
    }

    @Test
    void reportsAFailingStreamAsDownWithTheReason() {
        server.on("/broken", req -> req.response().setStatusCode(503).end());
        App app = start(SseConnection.builder().backoff(Duration.ofSeconds(30), Duration.ofSeconds(30)).build(),
                SseRoute.consume(server.url("/broken")).handler(b -> { }));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            ComponentHealth h = app.health().components().get(0);
            assertThat(h.kind()).isEqualTo("stream");
            assertThat(h.state()).isEqualTo(ComponentHealth.State.DOWN);
            assertThat(h.detail()).contains("HTTP 503").contains("reconnecting in");
        });
        assertThat(app.health().isUp()).isFalse();
        assertThat(app.meters().get("asyncworker.consumer.up").gauge().value()).isZero();
    }

    @Test
    void reopensAStreamThatFallsSilent() {
        AtomicInteger calls = new AtomicInteger();
        server.on("/stall", req -> {
            int n = calls.incrementAndGet();
            SseTestServer.open(req).write(SseTestServer.event(String.valueOf(n), "{\"n\":" + n + "}"));
            // then silence, connection left open
        });
        List<SseMessage> handled = new CopyOnWriteArrayList<>();
        start(fast().readIdleTimeout(Duration.ofMillis(300)).build(),
                SseRoute.consume(server.url("/stall")).handler(handled::addAll));

        await().atMost(Duration.ofSeconds(10)).until(() -> handled.size() >= 2);
        assertThat(server.requests("/stall").get(1).header("Last-Event-ID")).isEqualTo("1");
        assertThat(numbers(handled)).startsWith(1, 2);
    }

    @Test
    void keepsAnActiveStreamWithCommentsOpen() throws Exception {
        server.on("/heartbeat", req -> {
            var resp = SseTestServer.open(req);
            long timer = server.vertx().setPeriodic(50, id -> resp.write(": ping\n"));
            resp.closeHandler(v -> server.vertx().cancelTimer(timer));
            resp.write(SseTestServer.event("1", "{\"n\":1}"));
        });
        List<SseMessage> handled = new CopyOnWriteArrayList<>();
        App app = start(fast().readIdleTimeout(Duration.ofMillis(400)).build(),
                SseRoute.consume(server.url("/heartbeat")).handler(handled::addAll));

        await().atMost(Duration.ofSeconds(10)).until(() -> handled.size() == 1);
        await().during(Duration.ofMillis(1200)).atMost(Duration.ofSeconds(3))
                .until(() -> server.requests("/heartbeat").size() == 1 && app.health().isUp());
    }

    @Test
    void redeliversFromTheLastFinishedEventWhenABatchIsRequeued() {
        server.on("/requeue", new EventLog(6, 100, false)::serve);
        List<Integer> seen = new CopyOnWriteArrayList<>();
        AtomicBoolean failedOnce = new AtomicBoolean();
        start(fast().build(), SseRoute.consume(server.url("/requeue")).maxConcurrency(1)
                .onException(Action.REQUEUE).handler(batch -> {
                    for (SseMessage m : batch) {
                        int n = m.body(Item.class).n();
                        if (n == 3 && failedOnce.compareAndSet(false, true)) {
                            throw new IllegalStateException("transient failure on 3");
                        }
                        seen.add(n);
                    }
                }));

        await().atMost(Duration.ofSeconds(10)).until(() -> seen.contains(6));
        assertThat(seen).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(server.requests("/requeue").get(1).header("Last-Event-ID")).isEqualTo("2");
    }

    @Test
    void rejectedBatchesAreDroppedAndTheStreamGoesOn() {
        server.on("/reject", new EventLog(5, 100, false)::serve);
        List<Integer> seen = new CopyOnWriteArrayList<>();
        App app = start(fast().build(), SseRoute.consume(server.url("/reject")).maxConcurrency(1)
                .onException(Action.REJECT).handler(batch -> {
                    int n = batch.get(0).body(Item.class).n();
                    if (n == 2) {
                        throw new IllegalStateException("bad 2");
                    }
                    seen.add(n);
                }));

        await().atMost(Duration.ofSeconds(10)).until(() -> seen.contains(5));
        assertThat(seen).containsExactly(1, 3, 4, 5);
        assertThat(server.requests("/reject")).hasSize(1);
        assertThat(app.meters().get("asyncworker.messages.settled").tag("action", "reject").counter().count())
                .isEqualTo(1.0);
    }

    @Test
    void givesUpOnAPoisonEventAfterMaxDeliveries() {
        server.on("/poison", new EventLog(3, 100, false)::serve);
        List<Integer> seen = new CopyOnWriteArrayList<>();
        List<Long> poisonDeliveries = new CopyOnWriteArrayList<>();
        start(fast().build(), SseRoute.consume(server.url("/poison")).maxConcurrency(1).maxDeliveries(3)
                .handler(batch -> {
                    SseMessage m = batch.get(0);
                    if (m.body(Item.class).n() == 2) {
                        poisonDeliveries.add(m.deliveryCount());
                        throw new IllegalStateException("poison");
                    }
                    seen.add(m.body(Item.class).n());
                }));

        await().atMost(Duration.ofSeconds(10)).until(() -> seen.contains(3));
        assertThat(poisonDeliveries).containsExactly(1L, 2L, 3L);
        assertThat(seen).containsExactly(1, 3);
    }

    @Test
    void eventsReadWhileARequeuedBatchIsReplayedAreNotCountedAsRedeliveries() {
        server.on("/recount", new EventLog(15, 100, false)::serve);
        List<Integer> seen = new CopyOnWriteArrayList<>();
        AtomicInteger firstBatchRuns = new AtomicInteger();
        AtomicBoolean sixFailed = new AtomicBoolean();
        AtomicReference<App> appRef = new AtomicReference<>();
        appRef.set(start(fast().build(), SseRoute.consume(server.url("/recount")).bulkSize(5).maxConcurrency(1)
                .maxDeliveries(2).handler(batch -> {
                    int first = batch.get(0).body(Item.class).n();
                    if (first == 1 && firstBatchRuns.incrementAndGet() == 1) {
                        throw new IllegalStateException("first delivery of 1..5 fails");
                    }
                    if (first == 1) { // the replay: hold it until the whole second connection was read
                        await().atMost(Duration.ofSeconds(10)).until(() -> received(appRef.get()) >= 5 + 15);
                    }
                    if (first == 6 && sixFailed.compareAndSet(false, true)) {
                        throw new IllegalStateException("first delivery of 6..10 fails");
                    }
                    batch.forEach(m -> seen.add(m.body(Item.class).n()));
                })));

        await().atMost(Duration.ofSeconds(10)).until(() -> seen.contains(15));
        assertThat(seen).containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, 15).boxed().toList());
        assertThat(server.requests("/recount").stream().map(s -> s.header("Last-Event-ID")).toList())
                .containsExactly(null, null, "5");
    }

    @Test
    void aHugeRetryValueDoesNotKillTheStream() {
        server.on("/huge-retry", req -> SseTestServer.open(req).write("retry: 99999999999999999999\n\n")
                .onComplete(v -> req.connection().close()));
        App app = start(fast().build(), SseRoute.consume(server.url("/huge-retry")).handler(batch -> { }));

        await().atMost(Duration.ofSeconds(10)).until(() -> app.health().components().stream()
                .anyMatch(c -> c.state() == ComponentHealth.State.DOWN && c.detail().contains("reconnecting in")));
    }

    private static double received(App app) {
        return app.meters().find("asyncworker.messages.received").counters().stream()
                .mapToDouble(io.micrometer.core.instrument.Counter::count).sum();
    }
}
