package io.asyncworker.sse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.asyncworker.App;
import io.asyncworker.RetryPolicy;
import io.asyncworker.Settings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * A {@link RetryPolicy} on an SSE route (SPEC §14): a failed event comes again by resuming the
 * stream from the last finished event after the policy's delay, and after its last attempt it is
 * parked: logged, counted and skipped.
 */
class SseRetryIT {
    @AutoClose
    static final SseTestServer SERVER = SseTestServer.started();
    private App app;

    /** One handling of one event. */
    record Handling(int n, int attempt, long nanos) {
    }

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    private void start(String path, RetryPolicy policy, List<Handling> seen, int failUpToAttempt) {
        SERVER.on(path, new EventLog(3, 100, false)::serve);
        app = App.create(Settings.from(Map.of()));
        app.meters().add(new SimpleMeterRegistry());
        app.connection(SseStreamIT.fast().build());
        app.route(SseRoute.consume(SERVER.url(path)).retry(policy).handler(batch -> {
            SseMessage m = batch.get(0);
            int n = m.body(SseStreamIT.Item.class).n();
            int attempt = (int) m.deliveryCount();
            seen.add(new Handling(n, attempt, System.nanoTime()));
            if (n == 2 && attempt <= failUpToAttempt) {
                throw new IllegalStateException("event 2 fails at attempt " + attempt);
            }
        }));
        app.start();
    }

    @Test
    void aFailedEventIsRetriedAfterThePolicysDelayByResumingTheStream() {
        List<Handling> seen = new CopyOnWriteArrayList<>();
        start("/retry-once", RetryPolicy.builder().maxAttempts(3).fixedDelay(Duration.ofMillis(500)).jitter(0).build(),
                seen, 1);

        await().atMost(Duration.ofSeconds(10)).until(() -> seen.stream().anyMatch(h -> h.n() == 3));
        assertThat(seen).extracting(Handling::n, Handling::attempt).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1, 1), org.assertj.core.groups.Tuple.tuple(2, 1),
                org.assertj.core.groups.Tuple.tuple(2, 2), org.assertj.core.groups.Tuple.tuple(3, 1));
        assertThat(Duration.ofNanos(seen.get(2).nanos() - seen.get(1).nanos()))
                .as("the policy's delay, not the connection's 20 ms backoff").isGreaterThanOrEqualTo(Duration.ofMillis(500));
        assertThat(SERVER.requests("/retry-once")).hasSize(2);
        assertThat(SERVER.requests("/retry-once").get(1).header("Last-Event-ID")).isEqualTo("1");
        assertThat(app.meters().get("asyncworker.messages.retried").tag("attempt", "2").counter().count()).isEqualTo(1);
    }

    @Test
    void anEventFailingEveryAttemptIsParkedLoggedCountedAndSkipped() {
        ch.qos.logback.classic.Logger logger = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(
                "io.asyncworker.sse.internal.ParkedEvents");
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> log =
                new ch.qos.logback.core.read.ListAppender<>();
        log.start();
        logger.addAppender(log);
        List<Handling> seen = new CopyOnWriteArrayList<>();
        start("/retry-always", RetryPolicy.builder().maxAttempts(3).backoff(Duration.ofMillis(100), Duration.ofSeconds(1))
                .build(), seen, Integer.MAX_VALUE);

        await().atMost(Duration.ofSeconds(10)).until(() -> seen.stream().anyMatch(h -> h.n() == 3));
        assertThat(seen.stream().filter(h -> h.n() == 2).map(Handling::attempt)).containsExactly(1, 2, 3);
        assertThat(seen.get(seen.size() - 1).n()).isEqualTo(3);
        assertThat(SERVER.requests("/retry-always")).hasSize(3);
        assertThat(app.meters().get("asyncworker.messages.parked").counter().count()).isEqualTo(1);
        assertThat(app.meters().get("asyncworker.messages.settled").tag("action", "reject").counter().count())
                .as("a parked event is skipped like a rejected one").isEqualTo(1);
        logger.detachAppender(log);
        assertThat(log.list).singleElement().extracting(e -> e.getFormattedMessage()).asString()
                .contains("event id '2' of " + SERVER.url("/retry-always") + " parked after 3 attempts")
                .contains("java.lang.IllegalStateException: event 2 fails at attempt 3").contains("no parking lot");
    }
}
