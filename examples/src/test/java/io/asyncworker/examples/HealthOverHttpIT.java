package io.asyncworker.examples;

import io.asyncworker.http.HttpSettings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.asyncworker.App;
import io.asyncworker.Settings;
import io.asyncworker.rabbitmq.AmqpConnection;
import io.asyncworker.rabbitmq.AmqpRoute;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The HTTP backend's {@code /health} and {@code /health/ready} follow a RabbitMQ consumer's state
 * ({@code /health/live} does not): it lives here because this module has both backends. The route
 * does not declare its queue, so a deleted queue keeps the consumer down until the queue exists again.
 */
class HealthOverHttpIT {
    private final String queue = "aw-health-" + UUID.randomUUID();
    private App app;

    @AfterEach
    void cleanUp() {
        if (app != null) {
            app.close();
        }
        Broker.delete(queue);
    }

    private void startConsumer() {
        app = App.create(Settings.from(Map.of(HttpSettings.PORT.name(), "0")));
        app.connection(AmqpConnection.builder().url(Broker.URL)
                .reconnectDelay(Duration.ofMillis(100), Duration.ofMillis(500)).build());
        app.route(AmqpRoute.consume(queue).handler(batch -> { }));
        app.start();
    }

    @Test
    void healthIs503NamingTheConsumerWhileItsQueueIsGoneAnd200AfterItResubscribes() throws Exception {
        Broker.declare(queue);
        startConsumer();
        await().atMost(Duration.ofSeconds(10)).until(() -> Http.get(app, "/health").statusCode() == 200);

        Broker.delete(queue);
        await().atMost(Duration.ofSeconds(10)).until(() -> Http.get(app, "/health").statusCode() == 503);
        assertThat(Http.get(app, "/health").body()).contains(queue).contains("DOWN");

        Broker.declare(queue);
        await().atMost(Duration.ofSeconds(20)).until(() -> Http.get(app, "/health").statusCode() == 200);
    }

    @Test
    void readinessProbeIs503NamingTheConsumerWhileItIsDownAnd200WhenItIsBackWhileLivenessStays200() throws Exception {
        Broker.declare(queue);
        startConsumer();
        await().atMost(Duration.ofSeconds(10)).until(() -> Http.get(app, "/health/ready").statusCode() == 200);
        assertThat(Http.get(app, "/health/ready").body()).isEqualTo("{\"status\":\"UP\"}");

        Broker.delete(queue);
        await().atMost(Duration.ofSeconds(10)).until(() -> Http.get(app, "/health/ready").statusCode() == 503);
        assertThat(Http.get(app, "/health/ready").body()).startsWith("{\"status\":\"DOWN\",\"reasons\":[\"consumer ")
                .contains(queue);
        assertThat(Http.get(app, "/health/live").statusCode()).as("a lost queue is no reason to restart").isEqualTo(200);

        Broker.declare(queue);
        await().atMost(Duration.ofSeconds(20)).until(() -> Http.get(app, "/health/ready").statusCode() == 200);
    }
}
