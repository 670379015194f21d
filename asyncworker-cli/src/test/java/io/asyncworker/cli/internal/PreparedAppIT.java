package io.asyncworker.cli.internal;

import io.asyncworker.rabbitmq.AmqpSettings;
import static org.assertj.core.api.Assertions.assertThat;

import io.asyncworker.App;
import io.asyncworker.Settings;
import io.asyncworker.rabbitmq.AmqpConnection;
import io.asyncworker.rabbitmq.AmqpRoute;
import io.asyncworker.rabbitmq.QueueDeclaration;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The dev service's hand-over to the app, against a real broker: a "container" (this machine has no
 * Docker engine; the test's Docker hands out the test broker's URL) becomes ASYNCWORKER_AMQP_URL and
 * the app is built again so that its settings see it.
 */
class PreparedAppIT {
    private static final String BROKER = Objects.requireNonNullElse(System.getenv("ASYNCWORKER_TEST_AMQP_URL"),
            "amqp://guest:guest@127.0.0.1:5672/%2F");
    private final AtomicInteger builds = new AtomicInteger();
    private final AtomicBoolean containerClosed = new AtomicBoolean();
    private final AtomicBoolean dockerAsked = new AtomicBoolean();

    @AfterEach
    void clear() {
        System.clearProperty(AmqpSettings.PORT.name());
        System.clearProperty(AmqpSettings.URL.name());
    }

    private App build() {
        builds.incrementAndGet();
        App app = App.create().connection(AmqpConnection.fromEnv());
        return app.route(AmqpRoute.consume("aw-dev-" + UUID.randomUUID())
                .declare(QueueDeclaration.transientQueue()).handler(batch -> { }));
    }

    private DevBroker broker() {
        return new DevBroker(new DevBroker.Docker() {
            @Override
            public boolean available() {
                dockerAsked.set(true);
                return true;
            }

            @Override
            public DevBroker.Container start(String image) {
                return new DevBroker.Container() {
                    @Override public String amqpUrl() { return BROKER; }
                    @Override public String managementUrl() { return "http://127.0.0.1:15672"; }
                    @Override public void close() { containerClosed.set(true); }
                };
            }
        }, Duration.ofSeconds(2));
    }

    private static String closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return String.valueOf(socket.getLocalPort());
        }
    }

    @Test
    void aStartedDevBrokerBecomesTheUrlAndTheAppIsBuiltAgainstIt() throws Exception {
        System.setProperty(AmqpSettings.PORT.name(), closedPort());
        try (PreparedApp prepared = PreparedApp.prepare(this::build, true, broker())) {
            assertThat(builds).hasValue(2);
            assertThat(prepared.app().settings().find(AmqpSettings.URL)).contains(BROKER);
            assertThat(prepared.app().check()).as("reaches the dev broker").isEmpty();
        }
        assertThat(containerClosed).isTrue();
        assertThat(System.getProperty(AmqpSettings.URL.name())).isNull();
    }

    @Test
    void asyncworkerDevTrueAsksForTheDevBrokerLikeTheFlag() throws Exception {
        System.setProperty(AmqpSettings.PORT.name(), closedPort());
        System.setProperty(Settings.DEV.name(), "true");
        try (PreparedApp prepared = PreparedApp.prepare(this::build, false, broker())) {
            assertThat(dockerAsked).isTrue();
            assertThat(prepared.app().settings().find(AmqpSettings.URL)).contains(BROKER);
        } finally {
            System.clearProperty(Settings.DEV.name());
        }
    }

    @Test
    void withoutDevModeNothingIsProbedOrStarted() throws Exception {
        System.setProperty(AmqpSettings.PORT.name(), closedPort());
        try (PreparedApp prepared = PreparedApp.prepare(this::build, false, broker())) {
            assertThat(builds).hasValue(1);
            assertThat(prepared.app().check()).singleElement().asString().contains("cannot connect");
        }
        assertThat(dockerAsked).isFalse();
    }

    @Test
    void anAppWithoutRabbitMqNeedsNoDevBroker() throws Exception {
        System.setProperty(AmqpSettings.PORT.name(), closedPort());
        try (PreparedApp prepared = PreparedApp.prepare(App::create, true, broker())) {
            assertThat(prepared.app().routes()).isEmpty();
        }
        assertThat(dockerAsked).isFalse();
    }
}
