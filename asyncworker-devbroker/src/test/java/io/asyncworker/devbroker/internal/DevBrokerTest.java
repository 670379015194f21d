package io.asyncworker.devbroker.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.asyncworker.Settings;
import io.asyncworker.rabbitmq.AmqpSettings;
import io.asyncworker.spi.DevService;
import io.asyncworker.spi.DevServiceException;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The dev broker's choice, with a stand-in embedded broker and Docker; no broker needed. */
class DevBrokerTest {
    private static final String EMBEDDED_URL = "amqp://guest:guest@127.0.0.1:40001";
    private static final String CONTAINER_URL = "amqp://guest:guest@127.0.0.1:49153";
    private final AtomicInteger embeddedStarted = new AtomicInteger();
    private final AtomicInteger dockerAsked = new AtomicInteger();

    @AfterEach
    void noSystemPropertyIsEverSet() {
        assertThat(System.getProperty(AmqpSettings.URL.name())).isNull();
    }

    private record Stub(String url, String description) implements DevService.Running {
        @Override
        public Map<String, String> settings() {
            return Map.of(AmqpSettings.URL.name(), url);
        }

        @Override
        public void close() {
        }
    }

    private DevBroker broker(boolean embeddedStarts, boolean dockerAvailable) {
        DevBroker.Embedded embedded = () -> {
            embeddedStarted.incrementAndGet();
            if (!embeddedStarts) {
                throw new IllegalStateException("getSubject is not supported");
            }
            return new Stub(EMBEDDED_URL, "embedded AMQP 0-9-1 broker (stand-in)");
        };
        return new DevBroker(Duration.ofSeconds(2), embedded, new DevBroker.Docker() {
            @Override
            public boolean available() {
                dockerAsked.incrementAndGet();
                return dockerAvailable;
            }

            @Override
            public DevBroker.Container start(String image) {
                return new DevBroker.Container() {
                    @Override public String amqpUrl() { return CONTAINER_URL; }
                    @Override public String managementUrl() { return "http://127.0.0.1:49154"; }
                    @Override public void close() { }
                };
            }
        });
    }

    private static Settings port(int port) {
        return Settings.from(Map.of(AmqpSettings.PORT.name(), String.valueOf(port)));
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void nothingAnsweringLocallyStartsTheEmbeddedBrokerSaysItIsNotRabbitMqAndAsksNoDocker() throws Exception {
        int port = closedPort();
        try (LogCapture log = new LogCapture(DevBroker.class)) {
            Optional<DevService.Running> started = broker(true, true).ensure(port(port));
            assertThat(started).get().extracting(DevService.Running::settings)
                    .isEqualTo(Map.of("ASYNCWORKER_AMQP_URL", EMBEDDED_URL));
            assertThat(log.all()).contains("nothing answers on 127.0.0.1:" + port)
                    .contains("starting an embedded AMQP 0-9-1 broker in this JVM")
                    .contains("the embedded broker is NOT RabbitMQ").contains("x-dead-letter");
        }
        assertThat(embeddedStarted).hasValue(1);
        assertThat(dockerAsked).hasValue(0);
    }

    @Test
    void anEmbeddedBrokerThatCannotStartFallsBackToRabbitMqInDocker() throws Exception {
        try (LogCapture log = new LogCapture(DevBroker.class)) {
            Optional<DevService.Running> started = broker(false, true).ensure(port(closedPort()));
            assertThat(started).get().extracting(DevService.Running::settings)
                    .isEqualTo(Map.of("ASYNCWORKER_AMQP_URL", CONTAINER_URL));
            assertThat(started.get().description()).contains("RabbitMQ in Docker (" + DevBroker.IMAGE + ")");
            assertThat(log.all()).contains("the embedded AMQP broker could not start (java.lang.IllegalStateException: "
                    + "getSubject is not supported); trying RabbitMQ in Docker")
                    .contains("RabbitMQ is up in Docker at " + CONTAINER_URL);
        }
    }

    @Test
    void neitherEmbeddedNorDockerFailsSayingWhyAndWhatToDo() throws IOException {
        int port = closedPort();
        assertThatThrownBy(() -> broker(false, false).ensure(port(port)))
                .isInstanceOf(DevServiceException.class)
                .hasMessageContaining("no RabbitMQ answers on 127.0.0.1:" + port)
                .hasMessageContaining("the embedded broker could not start (java.lang.IllegalStateException: getSubject")
                .hasMessageContaining("export ASYNCWORKER_AMQP_URL=amqp://")
                .hasMessageContaining("rabbitmq-server -detached")
                .hasMessageContaining("start Docker");
    }

    @Test
    void somethingThatIsNotRabbitMqIsNeverUsedNorReplaced() throws Exception {
        try (ServerSocket http = new ServerSocket(0)) {
            Thread.ofVirtual().start(() -> answerLikeHttp(http));
            assertThatThrownBy(() -> broker(true, true).ensure(port(http.getLocalPort())))
                    .isInstanceOf(DevServiceException.class)
                    .hasMessageContaining("is not RabbitMQ")
                    .hasMessageContaining("will not use it");
        }
        assertThat(embeddedStarted).hasValue(0);
        assertThat(dockerAsked).hasValue(0);
    }

    private static void answerLikeHttp(ServerSocket server) {
        try (Socket client = server.accept()) {
            client.getInputStream().readNBytes(8);
            client.getOutputStream().write("HTTP/1.1 400 Bad Request\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        } catch (IOException ignored) {
            // the test closed the server
        }
    }

    @Test
    void aConfiguredRemoteHostThatIsDownIsNeverReplacedByALocalBroker() {
        Settings remote = Settings.from(Map.of(AmqpSettings.HOST.name(), "mq.invalid"));
        assertThatThrownBy(() -> broker(true, true).ensure(remote))
                .isInstanceOf(DevServiceException.class)
                .hasMessageContaining("nothing answers on mq.invalid:5672 (unknown host)")
                .hasMessageContaining("never for another host");
        assertThat(embeddedStarted).hasValue(0);
        assertThat(dockerAsked).hasValue(0);
    }

    @Test
    void onlyLoopbackHostsCountAsThisMachine() {
        assertThat(List.of("127.0.0.1", "localhost", "LOCALHOST", "127.0.1.1", "::1")).allMatch(DevBroker::isLocal);
        assertThat(List.of("mq.example", "10.0.0.5", "127.example.com.invalid")).noneMatch(DevBroker::isLocal);
    }

    @Test
    void aSetUrlIsUsedWithoutProbingOrStartingAnything() throws Exception {
        Settings settings = Settings.from(Map.of(AmqpSettings.URL.name(), "amqp://u:pw@broker.invalid:5672/v"));
        try (LogCapture log = new LogCapture(DevBroker.class)) {
            assertThat(broker(true, true).ensure(settings)).isEmpty();
            assertThat(log.all()).contains("ASYNCWORKER_AMQP_URL is set (amqp://u:****@broker.invalid:5672/v)")
                    .doesNotContain("pw@");
        }
        assertThat(embeddedStarted).hasValue(0);
        assertThat(dockerAsked).hasValue(0);
    }
}
