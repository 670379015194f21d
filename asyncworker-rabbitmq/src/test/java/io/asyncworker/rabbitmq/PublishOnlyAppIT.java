package io.asyncworker.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.asyncworker.App;
import io.asyncworker.Settings;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** An app that only publishes (no AMQP route) still has its connection closed by the app's stop. */
class PublishOnlyAppIT {
    private final String queue = TestBroker.uniqueQueue();
    private final String name = "publish-only-" + UUID.randomUUID();
    private final AmqpConnection connection = TestBroker.connection().name(name).build();

    @AfterEach
    void cleanUp() {
        connection.close();
        TestBroker.delete(queue);
    }

    private static boolean brokerLists(String connectionName) {
        return TestBroker.rabbitmqctl("list_connections", "client_properties").contains(connectionName);
    }

    @Test
    void stopClosesThePublisherOfAConnectionNoRouteUses() {
        TestBroker.declareClassic(queue);
        App app = App.create(Settings.from(Map.of("ASYNCWORKER_METRICS_ENABLED", "false")));
        app.connection(connection);
        app.onStartup(a -> connection.publish("", queue, "hello from a hook"));
        app.start();
        assertThat(TestBroker.messageCount(queue)).isEqualTo(1);
        assertThat(brokerLists(name)).isTrue();

        app.close();
        await().atMost(Duration.ofSeconds(10)).until(() -> !brokerLists(name));
    }
}
