package io.asyncworker.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;

import io.asyncworker.App;
import io.asyncworker.Settings;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code asyncworker check}: reachable broker, existing queues, without consuming. */
class CheckIT {
    private final String present = TestBroker.uniqueQueue();
    private final String missing = TestBroker.uniqueQueue();

    @AfterEach
    void cleanUp() {
        TestBroker.delete(present, missing);
    }

    @Test
    void reportsMissingQueuesAndConsumesNothing() {
        TestBroker.declareClassic(present);
        TestBroker.publish(present, 2);
        App app = App.create(Settings.from(Map.of()));
        app.connection(TestBroker.connection().build());
        app.route(AmqpRoute.consume(present, missing).handler(batch -> { }));
        app.route(AmqpRoute.consume("declared-" + missing).declare(QueueDeclaration.durable()).handler(batch -> { }));

        assertThat(app.check()).singleElement().asString().contains("queue '" + missing + "' does not exist");
        assertThat(TestBroker.messageCount(present)).isEqualTo(2);
    }

    @Test
    void reportsAnUnreachableBroker() {
        App app = App.create(Settings.from(Map.of()));
        app.connection(AmqpConnection.builder().url("amqp://127.0.0.1:1").connectTimeout(Duration.ofSeconds(2)).build());
        app.route(AmqpRoute.consume(present).handler(batch -> { }));

        assertThat(app.check()).singleElement().asString().contains("cannot connect to RabbitMQ at amqp://127.0.0.1:1/");
    }
}
