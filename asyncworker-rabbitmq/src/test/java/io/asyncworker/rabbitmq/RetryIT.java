package io.asyncworker.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.GetResponse;
import io.asyncworker.App;
import io.asyncworker.RetryPolicy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Broker-side retries and the parking lot against the real broker (SPEC §14). */
class RetryIT {
    @RegisterExtension
    final TestApps apps = new TestApps();
    private final String queue = apps.queue();

    /** One handler call of one message. */
    record Handling(String id, int attempt, long nanos, Map<String, Object> headers, String body) {
        static Handling of(RabbitMQMessage m) {
            return new Handling(m.properties().getMessageId(), m.attempt(), System.nanoTime(), m.headers(), m.bodyAsString());
        }
    }

    private App start(RetryPolicy policy, io.asyncworker.BatchHandler<RabbitMQMessage> handler) {
        App app = apps.app();
        app.connection(TestBroker.connection().prefetch(10).build());
        app.route(AmqpRoute.consume(queue).declare(QueueDeclaration.durable()).retry(policy).handler(handler));
        app.start();
        return app;
    }

    private static void publish(String exchange, String routingKey, String id, Map<String, Object> headers) {
        TestBroker.withChannel(ch -> {
            ch.confirmSelect();
            ch.basicPublish(exchange, routingKey, new AMQP.BasicProperties.Builder().messageId(id).deliveryMode(2)
                    .contentType("text/plain").correlationId("corr-" + id).headers(headers).build(),
                    ("body of " + id).getBytes(StandardCharsets.UTF_8));
            ch.waitForConfirmsOrDie(10_000);
            return null;
        });
    }

    @Test
    void aHandlerFailingTwiceThenSucceedingGetsTheMessageThreeTimesWithTheDelaysAndItIsAckedOnce() {
        apps.alsoDelete(queue + ".retry.500ms", queue + ".retry.1s", queue + ".parking-lot");
        RetryPolicy policy = RetryPolicy.builder().maxAttempts(4).backoff(Duration.ofMillis(500), Duration.ofSeconds(5)).build();
        List<Handling> seen = new CopyOnWriteArrayList<>();
        App app = start(policy, batch -> {
            seen.add(Handling.of(batch.get(0)));
            if (batch.get(0).attempt() < 3) {
                throw new IllegalStateException("not yet, attempt " + batch.get(0).attempt());
            }
        });
        publish("", queue, "m1", Map.of("tenant", "acme"));

        await().atMost(Duration.ofSeconds(15)).until(() -> seen.size() == 3);
        assertThat(seen).extracting(Handling::attempt).containsExactly(1, 2, 3);
        assertThat(seen).allSatisfy(h -> {
            assertThat(h.id()).isEqualTo("m1");
            assertThat(h.body()).isEqualTo("body of m1");
            assertThat(h.headers()).containsEntry("tenant", "acme");
        });
        assertThat(seen.get(2).headers()).containsEntry(RetryHeaders.EXCEPTION, "java.lang.IllegalStateException")
                .containsEntry(RetryHeaders.EXCEPTION_MESSAGE, "not yet, attempt 2");
        assertWaited(seen.get(1).nanos() - seen.get(0).nanos(), Duration.ofMillis(500));
        assertWaited(seen.get(2).nanos() - seen.get(1).nanos(), Duration.ofSeconds(1));
        System.out.printf("retries waited %d ms and %d ms (delays 500 ms and 1000 ms)%n",
                (seen.get(1).nanos() - seen.get(0).nanos()) / 1_000_000, (seen.get(2).nanos() - seen.get(1).nanos()) / 1_000_000);

        await().atMost(Duration.ofSeconds(5)).until(() -> count(app, "asyncworker.messages.settled", "action", "ack") == 1);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(TestBroker.brokerCounts("/", queue)).containsExactly(0, 0, 1));
        assertThat(TestBroker.messageCount(queue + ".retry.500ms")).isZero();
        assertThat(TestBroker.messageCount(queue + ".retry.1s")).isZero();
        assertThat(TestBroker.messageCount(queue + ".parking-lot")).isZero();
        assertThat(count(app, "asyncworker.messages.retried", "attempt", "2")).isEqualTo(1);
        assertThat(count(app, "asyncworker.messages.retried", "attempt", "3")).isEqualTo(1);
        assertThat(seen).as("handled three times, no more").hasSize(3);
    }

    /** The broker expires a delay queue's head at its TTL: no earlier, and not much later. */
    private static void assertWaited(long nanos, Duration delay) {
        assertThat(Duration.ofNanos(nanos)).isGreaterThanOrEqualTo(delay.minusMillis(20))
                .isLessThan(delay.plusMillis(1500));
    }

    @Test
    void aHandlerAlwaysFailingParksTheMessageAfterTheLastAttemptWithTheFailureHeaders() {
        String exchange = queue + ".ex";
        apps.alsoDelete(queue + ".retry.200ms", queue + ".parking-lot");
        TestBroker.withChannel(ch -> ch.exchangeDeclare(exchange, "direct", false, true, null));
        List<Handling> seen = new CopyOnWriteArrayList<>();
        App app = start(RetryPolicy.builder().maxAttempts(3).fixedDelay(Duration.ofMillis(200)).build(), batch -> {
            seen.add(Handling.of(batch.get(0)));
            throw new IllegalStateException("boom 42");
        });
        TestBroker.withChannel(ch -> ch.queueBind(queue, exchange, "created"));
        Instant before = Instant.now();
        publish(exchange, "created", "m7", Map.of("tenant", "acme"));

        await().atMost(Duration.ofSeconds(15)).until(() -> TestBroker.messageCount(queue + ".parking-lot") == 1);
        GetResponse parked = TestBroker.get(queue + ".parking-lot");
        Map<String, Object> h = strings(parked.getProps().getHeaders());
        assertThat(h).containsEntry(RetryHeaders.ROUTE, queue).containsEntry(RetryHeaders.QUEUE, queue)
                .containsEntry(RetryHeaders.EXCEPTION, "java.lang.IllegalStateException")
                .containsEntry(RetryHeaders.EXCEPTION_MESSAGE, "boom 42").containsEntry(RetryHeaders.ATTEMPTS, 3)
                .containsEntry(RetryHeaders.EXCHANGE, exchange).containsEntry(RetryHeaders.ROUTING_KEY, "created")
                .containsEntry("tenant", "acme");
        Instant first = Instant.parse((String) h.get(RetryHeaders.FIRST_FAILURE));
        Instant last = Instant.parse((String) h.get(RetryHeaders.LAST_FAILURE));
        assertThat(first).isAfterOrEqualTo(before.minusSeconds(1)).isBefore(last.minusMillis(350));
        assertThat(parked.getProps().getMessageId()).isEqualTo("m7");
        assertThat(parked.getProps().getCorrelationId()).isEqualTo("corr-m7");
        assertThat(new String(parked.getBody(), StandardCharsets.UTF_8)).isEqualTo("body of m7");
        assertThat(seen).extracting(Handling::attempt).containsExactly(1, 2, 3);
        assertThat(TestBroker.brokerCounts("/", queue)).containsExactly(0, 0, 1);
        assertThat(count(app, "asyncworker.messages.parked", "queue", queue)).isEqualTo(1);
    }

    @Test
    void parkOnFailuresAndTheHandlersParkGoToTheParkingLotAtOnce() {
        apps.alsoDelete(queue + ".retry.1s", queue + ".retry.2s", queue + ".parking-lot");
        List<Handling> seen = new CopyOnWriteArrayList<>();
        start(RetryPolicy.builder().parkOn(IllegalArgumentException.class).build(), batch -> {
            RabbitMQMessage m = batch.get(0);
            seen.add(Handling.of(m));
            if (m.properties().getMessageId().equals("bad")) {
                throw new IllegalArgumentException("field 'id' is missing");
            }
            m.park("customer 17 is unknown");
        });
        publish("", queue, "bad", Map.of());
        publish("", queue, "unknown", Map.of());

        await().atMost(Duration.ofSeconds(10)).until(() -> TestBroker.messageCount(queue + ".parking-lot") == 2);
        // Both are handled at once (one batch each), so they may reach the parking lot in either order.
        Map<String, Map<String, Object>> parked = new java.util.HashMap<>();
        for (int i = 0; i < 2; i++) {
            com.rabbitmq.client.GetResponse r = TestBroker.get(queue + ".parking-lot");
            parked.put(r.getProps().getMessageId(), strings(r.getProps().getHeaders()));
        }
        assertThat(parked).containsOnlyKeys("bad", "unknown");
        Map<String, Object> bad = parked.get("bad");
        Map<String, Object> unknown = parked.get("unknown");
        assertThat(bad).containsEntry(RetryHeaders.EXCEPTION, "java.lang.IllegalArgumentException")
                .containsEntry(RetryHeaders.EXCEPTION_MESSAGE, "field 'id' is missing").containsEntry(RetryHeaders.ATTEMPTS, 1);
        assertThat(unknown).containsEntry(RetryHeaders.EXCEPTION, "parked by the handler")
                .containsEntry(RetryHeaders.EXCEPTION_MESSAGE, "customer 17 is unknown");
        assertThat(seen).hasSize(2);
    }

    @Test
    void aDeletedDelayQueueIsDeclaredAgainAndTheMessageIsRequeuedNotLost() {
        apps.alsoDelete(queue + ".retry.300ms", queue + ".parking-lot");
        List<Handling> seen = new CopyOnWriteArrayList<>();
        start(RetryPolicy.builder().maxAttempts(2).fixedDelay(Duration.ofMillis(300)).build(), batch -> {
            seen.add(Handling.of(batch.get(0)));
            if (batch.get(0).attempt() == 1) {
                throw new IllegalStateException("first attempt fails");
            }
        });
        TestBroker.delete(queue + ".retry.300ms");
        publish("", queue, "m1", Map.of());

        await().atMost(Duration.ofSeconds(15)).until(() -> seen.stream().anyMatch(h -> h.attempt() == 2));
        assertThat(seen).extracting(Handling::attempt).as("the unroutable copy was not acked: handled again")
                .startsWith(1, 1).endsWith(2);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(TestBroker.brokerCounts("/", queue)).containsExactly(0, 0, 1));
        assertThat(TestBroker.messageCount(queue + ".retry.300ms")).isZero();
    }

    @Test
    void aNamedParkingLotTakesTheMessagesOfEveryQueueOfTheRoute() {
        String other = apps.queue();
        String lot = queue + ".lot";
        apps.alsoDelete(lot);
        App app = apps.app();
        app.connection(TestBroker.connection().build());
        app.route(AmqpRoute.consume(queue, other).declare(QueueDeclaration.durable())
                .retry(RetryPolicy.builder().maxAttempts(1).build()).parkingLot(lot)
                .handler(batch -> {
                    throw new IllegalStateException("always");
                }));
        app.start();
        publish("", queue, "a", Map.of());
        publish("", other, "b", Map.of());

        await().atMost(Duration.ofSeconds(10)).until(() -> TestBroker.messageCount(lot) == 2);
        List<Object> sources = List.of(strings(TestBroker.get(lot).getProps().getHeaders()).get(RetryHeaders.QUEUE),
                strings(TestBroker.get(lot).getProps().getHeaders()).get(RetryHeaders.QUEUE));
        assertThat(sources).containsExactlyInAnyOrder(queue, other);
    }

    @Test
    void onAQuorumQueueTheDelayQueuesAreQuorumQueuesToo() {
        apps.alsoDelete(queue + ".retry.200ms", queue + ".parking-lot");
        List<Handling> seen = new CopyOnWriteArrayList<>();
        App app = apps.app();
        app.connection(TestBroker.connection().build());
        app.route(AmqpRoute.consume(queue).declare(QueueDeclaration.quorum())
                .retry(RetryPolicy.builder().maxAttempts(2).fixedDelay(Duration.ofMillis(200)).build())
                .handler(batch -> {
                    seen.add(Handling.of(batch.get(0)));
                    if (batch.get(0).attempt() == 1) {
                        throw new IllegalStateException("once");
                    }
                }));
        app.start();
        publish("", queue, "q1", Map.of());

        await().atMost(Duration.ofSeconds(10)).until(() -> seen.size() == 2);
        assertThat(seen).extracting(Handling::attempt).containsExactly(1, 2);
        assertThat(seen.get(1).headers()).as("a copy starts a new delivery count").doesNotContainKey("x-delivery-count");
        assertThat(TestBroker.rabbitmqctl("-q", "list_queues", "name", "type")).containsPattern(
                java.util.regex.Pattern.quote(queue + ".retry.200ms") + "\\s+quorum");
    }

    @Test
    void theHealthOfAParkingLotSaysHowManyMessagesWaitAndItStaysUp() {
        apps.alsoDelete(queue + ".parking-lot");
        io.asyncworker.spi.ManualTimerService timer = new io.asyncworker.spi.ManualTimerService();
        App app = apps.app(timer);
        app.connection(TestBroker.connection().build());
        app.route(AmqpRoute.consume(queue).declare(QueueDeclaration.durable())
                .retry(RetryPolicy.builder().maxAttempts(1).build()).handler(batch -> {
                    throw new IllegalStateException("always");
                }));
        app.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> lotHealth(app).detail().equals("0 messages parked"));
        publish("", queue, "p1", Map.of());
        await().atMost(Duration.ofSeconds(10)).until(() -> TestBroker.messageCount(queue + ".parking-lot") == 1);

        timer.advance(Duration.ofSeconds(30));
        await().atMost(Duration.ofSeconds(5)).until(() -> lotHealth(app).detail()
                .equals("1 message parked, 1 more than 30 s before"));
        assertThat(lotHealth(app).name()).isEqualTo(queue + "/" + queue + ".parking-lot");
        assertThat(app.health().isUp()).as("parked messages do not make the worker unready").isTrue();
        assertThat(app.meters().find("asyncworker.parkinglot.messages").tag("queue", queue + ".parking-lot").gauge().value())
                .isEqualTo(1);
    }

    private static io.asyncworker.ComponentHealth lotHealth(App app) {
        return app.health().components().stream().filter(c -> c.kind().equals("parking-lot")).findFirst().orElseThrow();
    }

    /** A counter's count, 0 while it does not exist. */
    static double count(App app, String name, String... tags) {
        io.micrometer.core.instrument.Counter c = app.meters().find(name).tags(tags).counter();
        return c == null ? 0 : c.count();
    }

    /** Headers with AMQP long strings as {@code String}s. */
    static Map<String, Object> strings(Map<String, Object> headers) {
        Map<String, Object> out = new java.util.HashMap<>();
        headers.forEach((k, v) -> out.put(k, v instanceof com.rabbitmq.client.LongString ls ? ls.toString() : v));
        return out;
    }
}
