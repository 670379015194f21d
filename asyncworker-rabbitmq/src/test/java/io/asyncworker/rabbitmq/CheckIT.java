package io.asyncworker.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;

import io.asyncworker.App;
import io.asyncworker.test.RabbitMqTest;
import io.asyncworker.test.TestVhost;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@code asyncworker check}: reachable broker, existing queues, without consuming. */
@RabbitMqTest
class CheckIT {

    @Test
    void reportsMissingQueuesAndConsumesNothing(App app, TestVhost vhost) {
        String present = vhost.queue("present");
        String missing = vhost.queue("missing");
        vhost.declareQueue(present);
        vhost.publish(present, "1");
        vhost.publish(present, "2");
        app.connection(AmqpConnection.from(app.settings()));
        app.route(AmqpRoute.consume(present, missing).handler(batch -> { }));
        app.route(AmqpRoute.consume("declared-" + missing).declare(QueueDeclaration.durable()).handler(batch -> { }));

        assertThat(app.check()).singleElement().asString().contains("queue '" + missing + "' does not exist");
        assertThat(vhost.messageCount(present)).isEqualTo(2);
    }

    @Test
    void reportsAnUnreachableBroker(App app) {
        app.connection(AmqpConnection.builder().url("amqp://127.0.0.1:1").connectTimeout(Duration.ofSeconds(2)).build());
        app.route(AmqpRoute.consume("anything").handler(batch -> { }));

        assertThat(app.check()).singleElement().asString().contains("cannot connect to RabbitMQ at amqp://127.0.0.1:1/");
    }
}
