package io.asyncworker.test;

import static io.asyncworker.Action.ACK;
import static io.asyncworker.Action.REJECT;
import static io.asyncworker.Action.REQUEUE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.asyncworker.Action;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** ACK, REJECT, REQUEUE and explicit decisions, as the in-memory broker carries them out. */
class InMemoryOutcomesTest {
    @RegisterExtension
    final MemoryApps apps = new MemoryApps();

    @Test
    void aHandlerThatReturnsAcksEveryUndecidedMessage() {
        apps.start(InMemoryRoute.consume("q").handler(batch -> { }));
        Sent sent = apps.broker.send("q", "x");

        assertThat(sent.awaitSettled()).isEqualTo(ACK);
        assertThat(sent.deliveryCount()).isEqualTo(1);
        assertThat(apps.broker.deadLetters("q")).isEmpty();
    }

    @Test
    void onSuccessRejectDeadLettersWhatTheHandlerDidNotDecide() {
        apps.start(InMemoryRoute.consume("q").onSuccess(REJECT).handler(batch -> { }));
        Sent sent = apps.broker.send("q", "x");

        assertThat(sent.awaitSettled()).isEqualTo(REJECT);
        assertThat(apps.broker.deadLetters("q")).containsExactly(sent);
    }

    @Test
    void aThrowingHandlerGetsOnExceptionReject() {
        apps.start(InMemoryRoute.consume("q").onException(REJECT).handler(batch -> {
            throw new IllegalStateException("boom");
        }));
        Sent sent = apps.broker.send("q", "x");

        assertThat(sent.awaitSettled()).isEqualTo(REJECT);
        assertThat(apps.count("asyncworker.handler.errors", "exception", "java.lang.IllegalStateException")).isEqualTo(1);
    }

    @Test
    void aRequeuedMessageComesBackWithAGrowingDeliveryCount() {
        List<Long> counts = new CopyOnWriteArrayList<>();
        List<Boolean> redelivered = new CopyOnWriteArrayList<>();
        apps.start(InMemoryRoute.consume("q").handler(batch -> {
            InMemoryMessage m = batch.get(0);
            counts.add(m.deliveryCount());
            redelivered.add(m.redelivered());
            if (m.deliveryCount() < 3) {
                throw new IllegalStateException("not yet");   // onException: REQUEUE
            }
        }));
        Sent sent = apps.broker.send("q", "x");

        assertThat(sent.awaitSettled(1)).isEqualTo(REQUEUE);
        await().until(() -> apps.timer.pending() == 1);      // the second requeue waits 100 ms: no hot loop
        apps.timer.advance(Duration.ofMillis(100));
        assertThat(sent.awaitFinal()).isEqualTo(ACK);
        assertThat(sent.actions()).containsExactly(REQUEUE, REQUEUE, ACK);
        assertThat(counts).containsExactly(1L, 2L, 3L);
        assertThat(redelivered).containsExactly(false, true, true);
        assertThat(sent.deliveryCount()).isEqualTo(3);
    }

    @Test
    void explicitDecisionsWinOverTheRouteDefaultsWhetherTheHandlerReturnsOrThrows() {
        List<InMemoryMessage> returnedBatch = new CopyOnWriteArrayList<>();
        List<InMemoryMessage> threwBatch = new CopyOnWriteArrayList<>();
        apps.start(route("returns", returnedBatch, false), route("throws", threwBatch, true));
        List<Sent> returned = sendEach("returns");
        List<Sent> threw = sendEach("throws");

        assertThat(returned.stream().map(Sent::awaitSettled)).containsExactly(ACK, REJECT, REQUEUE, ACK);
        assertThat(threw.stream().map(Sent::awaitSettled)).containsExactly(ACK, REJECT, REQUEUE, REJECT);
        assertThat(returnedBatch.stream().map(InMemoryMessage::decision)).as("decision() reports what the broker got")
                .containsExactly(Optional.of(ACK), Optional.of(REJECT), Optional.of(REQUEUE), Optional.of(ACK));
        assertThat(threwBatch.stream().map(InMemoryMessage::decision))
                .containsExactly(Optional.of(ACK), Optional.of(REJECT), Optional.of(REQUEUE), Optional.of(REJECT));

        await().until(() -> apps.broker.unacked("returns") == 1 && apps.broker.unacked("throws") == 1);
        apps.timer.advance(Duration.ofSeconds(60));   // the lone redeliveries wait in their buckets for the flush timeout
        assertThat(returned.get(2).awaitFinal()).as("requeued, then accepted").isEqualTo(ACK);
        assertThat(threw.get(2).awaitFinal()).isEqualTo(ACK);
    }

    /** Decides by body: accept, drop, again (requeue once, then accept), plain (no decision). */
    private static InMemoryRoute route(String queue, List<InMemoryMessage> firstBatch, boolean fail) {
        return InMemoryRoute.consume(queue).bulkSize(4).onException(REJECT).handler(batch -> {
            for (InMemoryMessage m : batch) {
                switch (m.bodyAsString()) {
                    case "accept" -> m.accept();
                    case "drop" -> m.reject(false);
                    case "again" -> {
                        if (m.deliveryCount() == 1) {
                            m.reject(true);
                        } else {
                            m.accept();
                        }
                    }
                    default -> { }
                }
            }
            if (batch.size() == 4) {
                firstBatch.addAll(batch);
                if (fail) {
                    throw new IllegalStateException("boom");
                }
            }
        });
    }

    private List<Sent> sendEach(String queue) {
        return List.of("accept", "drop", "again", "plain").stream().map(b -> apps.broker.send(queue, b)).toList();
    }

    @Test
    void headersAndBodyReachTheHandlerAsSent() {
        List<InMemoryMessage> seen = new CopyOnWriteArrayList<>();
        apps.start(InMemoryRoute.consume("q").handler(seen::addAll));
        apps.broker.send("q", new Order(7, "book"), Map.of("tenant", "acme", "attempt", 2)).awaitSettled();

        InMemoryMessage m = seen.get(0);
        assertThat(m.body(Order.class)).isEqualTo(new Order(7, "book"));
        assertThat(m.bodyAsString()).isEqualTo("{\"id\":7,\"item\":\"book\"}");
        assertThat(m.headers()).containsEntry("tenant", "acme").containsEntry("attempt", 2);
        assertThat(m.queue()).isEqualTo("q");
    }
}
