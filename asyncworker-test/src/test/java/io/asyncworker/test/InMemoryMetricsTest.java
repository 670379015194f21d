package io.asyncworker.test;

import static org.assertj.core.api.Assertions.assertThat;

import io.asyncworker.Action;
import io.asyncworker.App;
import io.asyncworker.ComponentHealth;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The route's {@code asyncworker.*} meters and health, as every backend reports them. */
class InMemoryMetricsTest {
    @RegisterExtension
    final MemoryApps apps = new MemoryApps();

    @Test
    void receivedSettledInvalidBatchAndConsumerMetersCountWhatHappened() {
        App app = apps.start(InMemoryRoute.consume("orders").name("orders-route").bulkSize(2).bodyType(Order.class)
                .handler(batch -> batch.stream().filter(m -> m.body(Order.class).id() == 2).forEach(m -> m.reject(false))));
        Sent one = apps.broker.send("orders", new Order(1, "a"));
        Sent two = apps.broker.send("orders", new Order(2, "b"));
        assertThat(one.awaitSettled()).isEqualTo(Action.ACK);
        assertThat(two.awaitSettled()).isEqualTo(Action.REJECT);
        Sent bad = apps.broker.send("orders", "bad");
        apps.timer.advance(Duration.ofSeconds(60));
        assertThat(bad.awaitSettled()).isEqualTo(Action.REJECT);

        String[] route = {"route", "orders-route", "queue", "orders"};
        assertThat(apps.count("asyncworker.messages.received", route)).isEqualTo(3);
        assertThat(apps.count("asyncworker.messages.settled", "action", "ack")).isEqualTo(1);
        assertThat(apps.count("asyncworker.messages.settled", "action", "reject")).isEqualTo(2);
        assertThat(apps.count("asyncworker.messages.invalid", "reason", "decode")).isEqualTo(1);
        assertThat(apps.count("asyncworker.batch.flush", "route", "orders-route", "reason", "size")).isEqualTo(1);
        assertThat(apps.count("asyncworker.batch.flush", "reason", "timeout")).isEqualTo(1);
        assertThat(apps.meters.get("asyncworker.batch.size").summary().totalAmount()).isEqualTo(3);
        assertThat(apps.meters.get("asyncworker.handler.duration").tag("result", "success").timer().count()).isEqualTo(1);
        assertThat(gauge("asyncworker.consumer.up")).isEqualTo(1);
        assertThat(app.health().components()).containsExactly(ComponentHealth.up("consumer", "orders-route/orders"));

        app.stop();
        assertThat(gauge("asyncworker.consumer.up")).isZero();
        assertThat(app.health().components()).extracting(ComponentHealth::state).containsExactly(ComponentHealth.State.STOPPED);
    }

    private double gauge(String name) {
        return apps.meters.get(name).tag("route", "orders-route").tag("queue", "orders").gauge().value();
    }
}
