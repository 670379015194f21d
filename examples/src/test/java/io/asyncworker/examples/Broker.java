package io.asyncworker.examples;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * The test broker and an admin channel to it, separate from the code under test:
 * {@code ASYNCWORKER_TEST_AMQP_URL}, else the local RabbitMQ on 127.0.0.1:5672 (guest/guest);
 * with neither the tests fail saying so.
 */
final class Broker {
    static final String URL = resolve();
    private static Connection admin;

    private Broker() {
    }

    private static String resolve() {
        String url = System.getenv("ASYNCWORKER_TEST_AMQP_URL");
        if (url != null && !url.isBlank()) {
            return url;
        }
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", 5672), 1000);
            return "amqp://guest:guest@127.0.0.1:5672/%2F";
        } catch (IOException e) {
            throw new IllegalStateException("the example tests need RabbitMQ: nothing answers on 127.0.0.1:5672 and "
                    + "ASYNCWORKER_TEST_AMQP_URL is not set; start one with `rabbitmq-server -detached`", e);
        }
    }

    static synchronized Channel channel() throws Exception {
        if (admin == null || !admin.isOpen()) {
            ConnectionFactory factory = new ConnectionFactory();
            factory.setUri(URL);
            admin = factory.newConnection("examples-test-admin");
        }
        return admin.createChannel();
    }

    static void publish(String queue, String body) throws Exception {
        try (Channel ch = channel()) {
            ch.basicPublish("", queue, null, body.getBytes(StandardCharsets.UTF_8));
        }
    }

    static long ready(String queue) throws Exception {
        try (Channel ch = channel()) {
            return ch.queueDeclarePassive(queue).getMessageCount();
        }
    }

    static void declare(String queue) throws Exception {
        try (Channel ch = channel()) {
            ch.queueDeclare(queue, true, false, false, null);
        }
    }

    static void delete(String queue) {
        try (Channel ch = channel()) {
            ch.queueDelete(queue);
        } catch (Exception ignored) {
            // already gone
        }
    }
}
