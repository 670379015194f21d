package io.asyncworker.devbroker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.asyncworker.App;
import io.asyncworker.Origin;
import io.asyncworker.Settings;
import io.asyncworker.cli.AsyncWorkerCli;
import io.asyncworker.internal.Discovery;
import io.asyncworker.rabbitmq.AmqpSettings;
import io.asyncworker.spi.DevService;
import io.asyncworker.test.TestBrokers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The dev service as the command line finds and runs it, with the real RabbitMQ backend. */
class RabbitMqDevServiceIT {
    private final String queue = "aw-dev-" + UUID.randomUUID();

    @AfterEach
    void clear() {
        System.clearProperty("DEV_TEST_QUEUE");
        System.clearProperty(AmqpSettings.PORT.name());
        System.clearProperty(AmqpSettings.HOST.name());
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private record Run(int exitCode, String err) {
        static Run of(String... args) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code = AsyncWorkerCli.execute(System.out, new PrintStream(err, true, StandardCharsets.UTF_8), args);
            return new Run(code, err.toString(StandardCharsets.UTF_8));
        }
    }

    @Test
    void theCommandLineFindsItThroughMetaInfServices() {
        assertThat(Discovery.load(DevService.class)).hasAtLeastOneElementOfType(RabbitMqDevService.class);
    }

    @Test
    void aRabbitMqThatAnswersIsUsedAsItIs() throws Exception {
        URI broker = TestBrokers.amqpUri();
        Settings settings = Settings.from(Map.of(AmqpSettings.HOST.name(), broker.getHost(),
                AmqpSettings.PORT.name(), String.valueOf(broker.getPort() < 0 ? 5672 : broker.getPort())));
        assertThat(new RabbitMqDevService().ensure(settings)).isEmpty();
    }

    @Test
    void runDevWithNothingOnThePortConsumesFromTheEmbeddedBrokerAndStopsItAtTheEnd() throws Exception {
        System.setProperty("DEV_TEST_QUEUE", queue);
        System.setProperty(AmqpSettings.PORT.name(), String.valueOf(closedPort()));
        DevWorker.LAST.set(null);
        long before = DevWorker.HANDLED.sum();
        CompletableFuture<Run> running = CompletableFuture.supplyAsync(() -> Run.of("run", "--dev", DevWorker.class.getName()));
        await().atMost(Duration.ofSeconds(30)).until(() -> DevWorker.LAST.get() != null && DevWorker.LAST.get().isRunning());
        App app = DevWorker.LAST.get();
        String url = app.settings().find(AmqpSettings.URL).orElseThrow();
        assertThat(app.settings().origin(AmqpSettings.URL)).isEqualTo(Origin.DEV_SERVICE);
        assertThat(System.getProperty(AmqpSettings.URL.name())).as("no system property").isNull();
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri(url);
        try (Connection c = factory.newConnection(); Channel ch = c.createChannel()) {
            assertThat(c.getServerProperties().get("product").toString()).contains("Qpid");
            ch.confirmSelect();
            for (int i = 0; i < 25; i++) {
                ch.basicPublish("", queue, null, ("m" + i).getBytes(StandardCharsets.UTF_8));
            }
            ch.waitForConfirmsOrDie(5000);
            await().atMost(Duration.ofSeconds(10)).until(() -> DevWorker.HANDLED.sum() - before == 25);
            await().atMost(Duration.ofSeconds(5)).until(() -> ch.queueDeclarePassive(queue).getMessageCount() == 0
                    && ch.queueDeclarePassive(queue).getConsumerCount() == 1);
        }
        app.stop();
        assertThat(running.get().exitCode()).as(running.get().err()).isZero();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(ConnectException.class).isAssignableFrom(connectFailure(factory)));
    }

    private static Class<?> connectFailure(ConnectionFactory factory) {
        try (Connection ignored = factory.newConnection()) {
            return Void.class;
        } catch (Exception e) {
            return e.getClass();
        }
    }
}
