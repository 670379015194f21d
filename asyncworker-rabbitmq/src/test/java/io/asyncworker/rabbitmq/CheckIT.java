package io.asyncworker.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

    private final String exchange = TestBroker.uniqueQueue() + ".x";

    @AfterEach
    void cleanUp() {
        TestBroker.delete(present, missing);
        TestBroker.withChannel(ch -> ch.exchangeDelete(exchange));
    }

    @Test
    void reportsEveryArgumentInWhichADeclaredQueueDiffersAndChangesNothing() {
        TestBroker.declare(present, Map.of("x-max-length", 10, "x-message-ttl", 5000L));
        TestBroker.publish(present, 3);
        App app = App.create(Settings.from(Map.of()));
        app.connection(TestBroker.connection().declare(AmqpTopology.builder()
                .queue(present, QueueDeclaration.classic().maxLength(20).deadLetterExchange("dlx"))
                .queue(missing, QueueDeclaration.quorum())                  // absent: the start will create it
                .build()).build());
        app.route(AmqpRoute.consume(present, missing).handler(batch -> { }));

        assertThat(app.check()).containsExactlyInAnyOrder(
                difference(present, "x-max-length is 10 on the broker but declared 20"),
                difference(present, "x-message-ttl is 5000 on the broker but declared not set"),
                difference(present, "x-dead-letter-exchange is not set on the broker but declared dlx"));
        TestBroker.declare(present, Map.of("x-max-length", 10, "x-message-ttl", 5000L));   // still as it was
        assertThat(TestBroker.messageCount(present)).isEqualTo(3);
        assertThatThrownBy(() -> TestBroker.messageCount(missing)).as("check created nothing")
                .hasStackTraceContaining("NOT_FOUND");
    }

    @Test
    void reportsAnExchangeOfAnotherTypeAndARouteQueueDeclaredDifferently() {
        TestBroker.withChannel(ch -> ch.exchangeDeclare(exchange, "direct", true));
        TestBroker.declareClassic(present);
        App app = App.create(Settings.from(Map.of()));
        app.connection(TestBroker.connection().declare(AmqpTopology.builder().exchange(Exchange.topic(exchange)).build())
                .build());
        app.route(AmqpRoute.consume(present).declare(QueueDeclaration.quorum()).handler(batch -> { }));

        assertThat(app.check()).containsExactlyInAnyOrder(
                "exchange '" + exchange + "' on " + TestBroker.connection().build().address() + " differs from its "
                        + "declaration: type is direct on the broker but declared topic; run would fail with "
                        + "PRECONDITION_FAILED (delete it or change the declaration)",
                difference(present, "x-queue-type is not set on the broker but declared quorum"));
    }

    private static String difference(String queue, String what) {
        return "queue '" + queue + "' on " + TestBroker.connection().build().address() + " differs from its declaration: "
                + what + "; run would fail with PRECONDITION_FAILED (delete it or change the declaration)";
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
