package io.asyncworker.rabbitmq;

import static io.asyncworker.Action.ACK;
import static io.asyncworker.Action.REJECT;
import static io.asyncworker.Action.REQUEUE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.asyncworker.Action;
import io.asyncworker.App;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The outcome matrix end to end: route defaults and per-message overrides, on success and on
 * exception, observed on the broker. Each message's fate is one of: acked (gone), dead-lettered
 * (in the DLQ), requeued (delivered again; the test handler accepts every redelivery).
 */
class OutcomeIT {
    enum Fate { ACKED, DEAD, REQUEUED }

    @RegisterExtension
    final TestApps apps = new TestApps();
    private final String queue = apps.queue();

    static Stream<Arguments> matrix() {
        Action[] none = {null, null, null, null};
        Action[] mixed = {ACK, REJECT, REQUEUE, null};
        return Stream.of(
                Arguments.of("success, defaults", false, null, null, none, fates("AAAA")),
                Arguments.of("success, onSuccess(REJECT)", false, REJECT, null, none, fates("DDDD")),
                Arguments.of("success, onSuccess(REQUEUE)", false, REQUEUE, null, none, fates("RRRR")),
                Arguments.of("exception, defaults", true, null, null, none, fates("RRRR")),
                Arguments.of("exception, onException(ACK)", true, null, ACK, none, fates("AAAA")),
                Arguments.of("exception, onException(REJECT)", true, null, REJECT, none, fates("DDDD")),
                Arguments.of("success, mixed overrides", false, null, null, mixed, fates("ADRA")),
                Arguments.of("exception, mixed overrides, onException(REJECT)", true, null, REJECT, mixed, fates("ADRD")),
                Arguments.of("success, mixed overrides, onSuccess(REQUEUE)", false, REQUEUE, null, mixed, fates("ADRR")));
    }

    private static Fate[] fates(String code) {
        return code.chars().mapToObj(c -> c == 'A' ? Fate.ACKED : c == 'D' ? Fate.DEAD : Fate.REQUEUED)
                .toArray(Fate[]::new);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("matrix")
    void eachMessageGetsItsDecisionOrTheRouteDefault(String name, boolean fail, Action onSuccess, Action onException,
                                                     Action[] overrides, Fate[] expected) {
        String dlq = TestBroker.declareWithDlq(queue, false);
        TestBroker.publish(queue, 4);
        Map<String, Integer> deliveries = new ConcurrentHashMap<>();
        AmqpRouteBuilder route = AmqpRoute.consume(queue).bulkSize(4).flushTimeout(Duration.ofMillis(200));
        if (onSuccess != null) {
            route.onSuccess(onSuccess);
        }
        if (onException != null) {
            route.onException(onException);
        }
        App app = apps.app();
        app.connection(TestBroker.connection().prefetch(10).build());
        app.route(route.handler(batch -> handle(batch, deliveries, overrides, fail)));
        app.start();

        long requeued = Arrays.stream(expected).filter(f -> f == Fate.REQUEUED).count();
        long dead = Arrays.stream(expected).filter(f -> f == Fate.DEAD).count();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(deliveries.values().stream().mapToInt(i -> i).sum()).isEqualTo(4 + requeued);
            assertThat(TestBroker.messageCount(dlq)).isEqualTo(dead);
            assertThat(TestBroker.messageCount(queue)).isZero();
        });
        app.stop();
        List<Integer> counts = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            counts.add(deliveries.get("m" + i));
        }
        assertThat(counts).containsExactlyElementsOf(Arrays.stream(expected)
                .map(f -> f == Fate.REQUEUED ? 2 : 1).toList());
        assertThat(TestBroker.drain(dlq)).hasSize((int) dead);
        assertThat(TestBroker.messageCount(queue)).isZero();
    }

    private static void handle(List<RabbitMQMessage> batch, Map<String, Integer> deliveries, Action[] overrides,
                               boolean fail) {
        boolean firstDeliveries = false;
        for (RabbitMQMessage m : batch) {
            String id = m.properties().getMessageId();
            deliveries.merge(id, 1, Integer::sum);
            if (m.redelivered()) {
                m.accept();
                continue;
            }
            firstDeliveries = true;
            Action o = overrides[Integer.parseInt(id.substring(1))];
            if (o == ACK) {
                m.accept();
            } else if (o != null) {
                m.reject(o == REQUEUE);
            }
        }
        if (fail && firstDeliveries) {
            throw new IllegalStateException("handler failure for the test");
        }
    }
}
