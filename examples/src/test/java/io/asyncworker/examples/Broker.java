package io.asyncworker.examples;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.asyncworker.test.TestBrokers;
import java.nio.charset.StandardCharsets;

/**
 * The test broker and an admin channel to it, separate from the code under test. The broker is
 * chosen by {@link TestBrokers}: {@code ASYNCWORKER_TEST_AMQP_URL}, the local RabbitMQ on
 * 127.0.0.1:5672, or Testcontainers; with none of them the tests fail saying so.
 */
final class Broker {
    static final String URL = resolve();
    private static Connection admin;

    private Broker() {
    }

    private static String resolve() {
        return TestBrokers.amqpUrl();
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

    /** Takes every ready message off the queue and returns the bodies, in order. */
    static java.util.List<String> bodies(String queue) throws Exception {
        java.util.List<String> bodies = new java.util.ArrayList<>();
        try (Channel ch = channel()) {
            for (com.rabbitmq.client.GetResponse r; (r = ch.basicGet(queue, true)) != null; ) {
                bodies.add(new String(r.getBody(), StandardCharsets.UTF_8));
            }
        }
        return bodies;
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
