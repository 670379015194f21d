package io.asyncworker.cli;

import io.asyncworker.rabbitmq.AmqpSettings;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.asyncworker.Settings;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The test broker: {@code ASYNCWORKER_TEST_AMQP_URL}, else the local RabbitMQ on 127.0.0.1:5672
 * (tests that cannot reach it fail). Not {@code asyncworker-test}: the command line's test class
 * path carries no Testcontainers, which {@link CliJarIT} relies on. Handed to workers as the {@code ASYNCWORKER_AMQP_HOST/_PORT/...} fields (not the URL), so
 * that {@code --dev} probes it.
 */
final class TestBroker {
    static final URI URL = URI.create(resolve());
    static final List<String> FIELDS = List.of(AmqpSettings.HOST.name(), AmqpSettings.PORT.name(),
            AmqpSettings.USERNAME.name(), AmqpSettings.PASSWORD.name(), AmqpSettings.VHOST.name());
    private static Connection admin;

    private TestBroker() {
    }

    private static String resolve() {
        String given = System.getenv("ASYNCWORKER_TEST_AMQP_URL");
        return given == null || given.isBlank() ? "amqp://guest:guest@127.0.0.1:5672/%2F" : given.trim();
    }

    static String host() {
        return URL.getHost();
    }

    static int port() {
        return URL.getPort() < 0 ? 5672 : URL.getPort();
    }

    /** Points workers at the test broker through system properties; {@link #clear()} undoes it. */
    static void apply() {
        String[] user = URL.getRawUserInfo() == null ? new String[] {"guest", "guest"} : URL.getRawUserInfo().split(":", 2);
        String path = URL.getRawPath() == null || URL.getRawPath().length() <= 1 ? "/" : URL.getRawPath().substring(1);
        System.setProperty(AmqpSettings.HOST.name(), host());
        System.setProperty(AmqpSettings.PORT.name(), String.valueOf(port()));
        System.setProperty(AmqpSettings.USERNAME.name(), decode(user[0]));
        System.setProperty(AmqpSettings.PASSWORD.name(), decode(user[1]));
        System.setProperty(AmqpSettings.VHOST.name(), decode(path));
    }

    static void clear() {
        FIELDS.forEach(System::clearProperty);
        System.clearProperty(AmqpSettings.URL.name());
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    static synchronized Channel channel() throws Exception {
        if (admin == null || !admin.isOpen()) {
            ConnectionFactory factory = new ConnectionFactory();
            factory.setUri(URL);
            admin = factory.newConnection("cli-test-admin");
        }
        return admin.createChannel();
    }
}
