package io.asyncworker.rabbitmq;

import static org.assertj.core.api.Assertions.fail;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import io.asyncworker.test.TestBrokers;

/**
 * The one broker of the test JVM and an admin channel to it, separate from the code under test.
 * The broker is chosen by {@link TestBrokers}: {@code ASYNCWORKER_TEST_AMQP_URL}, else the local
 * broker on 127.0.0.1:5672, else a Testcontainers RabbitMQ where Docker runs, else a loud failure.
 */
final class TestBroker {
    private static final String URL = TestBrokers.amqpUrl();

    private TestBroker() {
    }

    static String url() {
        return URL;
    }

    static String url(String vhost) {
        return TestBrokers.amqpUrl(vhost);
    }

    /** A connection to the test broker with fast reconnects. */
    static AmqpConnection.Builder connection() {
        return AmqpConnection.builder().url(URL).reconnectDelay(Duration.ofMillis(100), Duration.ofSeconds(1));
    }

    static String uniqueQueue() {
        return "aw-test-" + UUID.randomUUID();
    }

    private static final Admin DEFAULT = new Admin(URL);

    /** An admin channel source for one vhost, reopened after a fault injection closed it. */
    static final class Admin {
        private final String url;
        private Connection connection;

        Admin(String url) {
            this.url = url;
        }

        synchronized Channel channel() throws Exception {
            if (connection == null || !connection.isOpen()) {
                ConnectionFactory f = new ConnectionFactory();
                f.setUri(url);
                f.setAutomaticRecoveryEnabled(false);
                connection = f.newConnection("aw-test-admin");
            }
            return connection.createChannel();
        }

        <T> T withChannel(ChannelWork<T> work) {
            try {
                Channel ch = channel();
                try {
                    return work.run(ch);
                } finally {
                    if (ch.isOpen()) {
                        ch.close();
                    }
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        synchronized void close() throws IOException {
            if (connection != null && connection.isOpen()) {
                connection.close();
            }
        }
    }

    /** An admin for a vhost. */
    static Admin admin(String vhost) {
        return new Admin(url(vhost));
    }

    interface ChannelWork<T> {
        T run(Channel ch) throws Exception;
    }

    static <T> T withChannel(ChannelWork<T> work) {
        return DEFAULT.withChannel(work);
    }

    /** Creates a vhost that the test user may use, e.g. to close only its connections (the test kit's way). */
    static void addVhost(String vhost) {
        TestBrokers.createVhost(vhost);
    }

    static void deleteVhost(String vhost) {
        TestBrokers.deleteVhost(vhost);
    }

    static void declareClassic(String queue) {
        declare(queue, Map.of());
    }

    static void declare(String queue, Map<String, Object> args) {
        withChannel(ch -> ch.queueDeclare(queue, true, false, false, args));
    }

    /** A queue dead-lettering to a fanout exchange bound to {@code <queue>.dlq}; returns the DLQ name. */
    static String declareWithDlq(String queue, boolean quorum) {
        String dlx = queue + ".dlx";
        String dlq = queue + ".dlq";
        withChannel(ch -> {
            ch.exchangeDeclare(dlx, "fanout", false, true, null);
            ch.queueDeclare(dlq, true, false, false, null);
            ch.queueBind(dlq, dlx, "");
            Map<String, Object> args = new HashMap<>();
            args.put("x-dead-letter-exchange", dlx);
            if (quorum) {
                args.put("x-queue-type", "quorum");
            }
            return ch.queueDeclare(queue, true, false, false, args);
        });
        return dlq;
    }

    static void delete(String... queues) {
        for (String q : queues) {
            withChannel(ch -> ch.queueDelete(q));
        }
    }

    static void publish(String queue, int count) {
        publish(queue, count, i -> "{\"id\":" + i + "}");
    }

    static void publish(String queue, int count, java.util.function.IntFunction<String> body) {
        withChannel(ch -> {
            ch.confirmSelect();
            for (int i = 0; i < count; i++) {
                AMQP.BasicProperties props = new AMQP.BasicProperties.Builder().deliveryMode(2)
                        .messageId("m" + i).contentType("application/json").build();
                ch.basicPublish("", queue, props, body.apply(i).getBytes(StandardCharsets.UTF_8));
            }
            ch.waitForConfirmsOrDie(30_000);
            return null;
        });
    }

    static long messageCount(String queue) {
        return withChannel(ch -> ch.queueDeclarePassive(queue).getMessageCount());
    }

    static long consumerCount(String queue) {
        return withChannel(ch -> ch.queueDeclarePassive(queue).getConsumerCount());
    }

    /** Takes every ready message of a queue (acking it), bodies as strings. */
    static List<String> drain(String queue) {
        return withChannel(ch -> {
            List<String> out = new ArrayList<>();
            GetResponse r;
            while ((r = ch.basicGet(queue, true)) != null) {
                out.add(new String(r.getBody(), StandardCharsets.UTF_8));
            }
            return out;
        });
    }

    static GetResponse get(String queue) {
        return withChannel(ch -> ch.basicGet(queue, true));
    }

    /** Ready and unacknowledged counts as the broker reports them: {@code [ready, unacked, consumers]}. */
    static long[] brokerCounts(String vhost, String queue) {
        String out = rabbitmqctl("-q", "list_queues", "-p", vhost, "name", "messages_ready", "messages_unacknowledged",
                "consumers");
        for (String line : out.split("\n")) {
            String[] cols = line.trim().split("\\s+");
            if (cols.length == 4 && cols[0].equals(queue)) {
                return new long[] {Long.parseLong(cols[1]), Long.parseLong(cols[2]), Long.parseLong(cols[3])};
            }
        }
        throw new IllegalStateException("queue " + queue + " not listed by rabbitmqctl: " + out);
    }

    static String rabbitmqctl(String... args) {
        return TestBrokers.rabbitmqctl(args);
    }
}
