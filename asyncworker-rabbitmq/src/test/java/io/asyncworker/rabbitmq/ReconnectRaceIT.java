package io.asyncworker.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.asyncworker.App;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ReconnectRaceIT {
    @RegisterExtension
    final TestApps apps = new TestApps();
    private final String queue = apps.queue();

    /**
     * Regression: a reconnect whose handshake was under way when the app closed installed its
     * connection afterwards, so the connection (and amqp-client's threads) outlived the app.
     */
    @Test
    void aConnectionOpenedByAReconnectAfterCloseBeganIsClosedAtOnce() throws Exception {
        TestBroker.declareClassic(queue);
        URI broker = URI.create(TestBroker.url());
        try (HoldingProxy proxy = HoldingProxy.to(broker.getPort() == -1 ? 5672 : broker.getPort())) {
            App app = apps.app();
            app.connection(TestBroker.connection().host("127.0.0.1").port(proxy.port())
                    .reconnectDelay(Duration.ofMillis(20), Duration.ofMillis(50)).build());
            app.route(AmqpRoute.consume(queue).handler(batch -> { }));
            app.start();
            assertThat(proxy.openClients()).isEqualTo(1);

            proxy.hold();
            proxy.dropAll();
            assertThat(proxy.awaitHeld(20)).as("a reconnect is under way, its handshake held").isTrue();
            app.close();
            proxy.release();

            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(proxy.openClients())
                    .as("the connection the reconnect opened after close() was closed again").isZero());
            assertThat(TestBroker.consumerCount(queue)).isZero();
        }
    }
}
