package io.asyncworker.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.asyncworker.App;
import io.asyncworker.Settings;
import io.asyncworker.http.HttpAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The HTTP backend's /health follows a RabbitMQ consumer's state (issue 4 with the real broker). */
class HealthOverHttpIT {
    private final String queue = TestBroker.uniqueQueue();
    private final HttpClient http = HttpClient.newHttpClient();
    private App app;

    @AfterEach
    void cleanUp() {
        if (app != null) {
            app.close();
        }
        TestBroker.delete(queue);
    }

    private HttpResponse<String> health() throws Exception {
        URI uri = HttpAddress.of(app).orElseThrow().uri().resolve("/health");
        return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void healthIs503NamingTheConsumerWhileItsQueueIsGoneAnd200AfterItResubscribes() throws Exception {
        TestBroker.declareClassic(queue);
        app = App.create(Settings.from(Map.of(Settings.HTTP_PORT, "0")));
        app.connection(TestBroker.connection().reconnectDelay(Duration.ofMillis(100), Duration.ofMillis(500)).build());
        app.route(AmqpRoute.consume(queue).handler(batch -> { }));
        app.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> health().statusCode() == 200);

        TestBroker.delete(queue);
        await().atMost(Duration.ofSeconds(10)).until(() -> health().statusCode() == 503);
        assertThat(health().body()).contains(queue).contains("DOWN");

        TestBroker.declareClassic(queue);
        await().atMost(Duration.ofSeconds(20)).until(() -> health().statusCode() == 200);
        assertThat(TestBroker.consumerCount(queue)).isEqualTo(1);
    }
}
