package io.asyncworker.cli.internal;

import io.asyncworker.rabbitmq.AmqpSettings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.asyncworker.Settings;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DevBrokerTest {
    private final AtomicInteger dockerAsked = new AtomicInteger();

    @AfterEach
    void clear() {
        System.clearProperty(AmqpSettings.URL.name());
    }

    private DevBroker broker(boolean dockerAvailable) {
        return new DevBroker(new DevBroker.Docker() {
            @Override
            public boolean available() {
                dockerAsked.incrementAndGet();
                return dockerAvailable;
            }

            @Override
            public DevBroker.Container start(String image) {
                return new DevBroker.Container() {
                    @Override public String amqpUrl() { return "amqp://guest:guest@127.0.0.1:49153"; }
                    @Override public String managementUrl() { return "http://127.0.0.1:49154"; }
                    @Override public void close() { }
                };
            }
        }, Duration.ofSeconds(2));
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
    void nothingReachableAndNoDockerFailsSayingWhatToDo() throws IOException {
        int port = closedPort();
        assertThatThrownBy(() -> broker(false).ensure(port(port)))
                .isInstanceOf(DevBrokerException.class)
                .hasMessageContaining("no RabbitMQ answers on 127.0.0.1:" + port)
                .hasMessageContaining("export ASYNCWORKER_AMQP_URL=amqp://")
                .hasMessageContaining("rabbitmq-server -detached")
                .hasMessageContaining("start Docker");
        assertThat(System.getProperty(AmqpSettings.URL.name())).isNull();
    }

    @Test
    void somethingThatIsNotRabbitMqIsNeverUsed() throws Exception {
        try (ServerSocket http = new ServerSocket(0)) {
            Thread.ofVirtual().start(() -> answerLikeHttp(http));
            assertThatThrownBy(() -> broker(true).ensure(port(http.getLocalPort())))
                    .isInstanceOf(DevBrokerException.class)
                    .hasMessageContaining("is not RabbitMQ")
                    .hasMessageContaining("will not use it");
        }
        assertThat(dockerAsked).hasValue(0);
        assertThat(System.getProperty(AmqpSettings.URL.name())).isNull();
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
    void aConfiguredRemoteHostThatIsDownIsNeverReplacedByALocalContainer() {
        Settings remote = Settings.from(Map.of(AmqpSettings.HOST.name(), "mq.invalid"));
        assertThatThrownBy(() -> broker(true).ensure(remote))
                .isInstanceOf(DevBrokerException.class)
                .hasMessageContaining("nothing answers on mq.invalid:5672 (unknown host)")
                .hasMessageContaining("never for another host");
        assertThat(dockerAsked).hasValue(0);
        assertThat(System.getProperty(AmqpSettings.URL.name())).isNull();
    }

    @Test
    void onlyLoopbackHostsCountAsThisMachine() {
        assertThat(List.of("127.0.0.1", "localhost", "LOCALHOST", "127.0.1.1", "::1")).allMatch(DevBroker::isLocal);
        assertThat(List.of("mq.example", "10.0.0.5", "127.example.com.invalid")).noneMatch(DevBroker::isLocal);
    }

    @Test
    void setUrlIsUsedWithoutProbing() throws Exception {
        Settings settings = Settings.from(Map.of(AmqpSettings.URL.name(), "amqp://u:pw@broker.invalid:5672/v"));
        try (LogCapture log = new LogCapture(DevBroker.class)) {
            assertThat(broker(false).ensure(settings)).isEmpty();
            assertThat(log.all()).contains("ASYNCWORKER_AMQP_URL is set (amqp://u:****@broker.invalid:5672/v)")
                    .doesNotContain("pw@");
        }
        assertThat(dockerAsked).hasValue(0);
    }

    @Test
    void startedContainerBecomesTheUrlForTheProcessAndIsLogged() throws Exception {
        int port = closedPort();
        try (LogCapture log = new LogCapture(DevBroker.class)) {
            assertThat(broker(true).ensure(port(port))).isPresent();
            assertThat(System.getProperty(AmqpSettings.URL.name())).isEqualTo("amqp://guest:guest@127.0.0.1:49153");
            assertThat(log.all()).contains("starting RabbitMQ in Docker (" + DevBroker.IMAGE + ")")
                    .contains("RabbitMQ is up in Docker at amqp://guest:guest@127.0.0.1:49153");
        }
    }
}
