package io.asyncworker.sse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.asyncworker.App;
import io.asyncworker.Settings;
import io.asyncworker.spi.ManualTimerService;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A route's declared body type: undecodable events are rejected before the handler (SPEC §4). */
class SseBodyTypeIT {
    record Price(String sym, double px) {
    }

    private SseTestServer server;
    private App app;

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            app.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void undecodableEventIsRejectedCountedAndNeverReachesTheHandler() throws Exception {
        server = new SseTestServer();
        server.on("/prices", req -> SseTestServer.open(req).end(
                SseTestServer.event("1", "{\"sym\":\"A\",\"px\":1.5}")
                        + SseTestServer.event("2", "{not json")
                        + SseTestServer.event("3", "{\"sym\":\"C\",\"px\":3}")));
        List<String> seenIds = new CopyOnWriteArrayList<>();
        List<Price> prices = new CopyOnWriteArrayList<>();
        app = App.builder().settings(Settings.from(Map.of())).timer(new ManualTimerService()).build();
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        app.meters().add(meters);
        app.route(SseRoute.consume(server.url("/prices")).bodyType(Price.class).bulkSize(3)
                .flushTimeout(Duration.ofSeconds(30))
                .handler(batch -> batch.forEach(m -> {
                    seenIds.add(m.id().orElseThrow());
                    prices.add(m.body(Price.class));
                })));
        app.start();

        await().atMost(Duration.ofSeconds(10)).until(() -> seenIds.size() == 2);
        assertThat(seenIds).containsExactly("1", "3");
        assertThat(prices).containsExactly(new Price("A", 1.5), new Price("C", 3));
        await().atMost(Duration.ofSeconds(10)).until(() -> meters.find("asyncworker.messages.invalid").counter() != null);
        assertThat(meters.get("asyncworker.messages.invalid").tag("reason", "decode").counter().count()).isEqualTo(1);
        assertThat(meters.get("asyncworker.messages.settled").tag("action", "reject").counter().count()).isEqualTo(1);
    }

    /** Regression: a JSON null passed the body type and reached the handler as {@code body(..) == null}. */
    @Test
    void aJsonNullEventOnATypedRouteIsRejectedAndNeverReachesTheHandler() throws Exception {
        server = new SseTestServer();
        server.on("/nulls", req -> SseTestServer.open(req).end(
                SseTestServer.event("1", "null") + SseTestServer.event("2", "{\"sym\":\"B\",\"px\":2}")));
        List<Price> prices = new CopyOnWriteArrayList<>();
        app = App.builder().settings(Settings.from(Map.of())).timer(new ManualTimerService()).build();
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        app.meters().add(meters);
        app.route(SseRoute.consume(server.url("/nulls")).bodyType(Price.class).bulkSize(2)
                .flushTimeout(Duration.ofSeconds(30)).handler(batch -> batch.forEach(m -> prices.add(m.body(Price.class)))));
        app.start();

        await().atMost(Duration.ofSeconds(10)).until(() -> prices.size() == 1);
        assertThat(prices).containsExactly(new Price("B", 2));
        await().atMost(Duration.ofSeconds(10)).until(() -> meters.find("asyncworker.messages.invalid").counter() != null);
        assertThat(meters.get("asyncworker.messages.invalid").tag("reason", "decode").counter().count()).isEqualTo(1);
    }
}
