package io.asyncworker.bench.rabbit;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.MessageProperties;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** The local broker (127.0.0.1:5672, guest/guest): queue setup and the one fill routine. */
public final class Broker implements AutoCloseable {
    public static final String HOST = "127.0.0.1";
    public static final int PORT = 5672;
    public static final String URI = "amqp://guest:guest@127.0.0.1:5672/%2f";

    private final Connection connection;

    public Broker() throws Exception {
        this.connection = factory().newConnection("bench-driver");
    }

    public static ConnectionFactory factory() {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(HOST);
        factory.setPort(PORT);
        factory.setUsername("guest");
        factory.setPassword("guest");
        return factory;
    }

    /** A fresh durable classic queue with a UUID name. */
    public String newQueue(String prefix) throws Exception {
        String queue = "bench-" + prefix + "-" + UUID.randomUUID();
        try (Channel channel = connection.createChannel()) {
            channel.queueDeclare(queue, true, false, false, null);
        }
        return queue;
    }

    /**
     * Publishes {@code count} persistent JSON messages of exactly {@code size} bytes with publisher
     * confirms, and returns once the broker reports them all ready in the queue.
     */
    public void fill(String queue, int count, int size) throws Exception {
        fill(queue, count, size, false);
    }

    /**
     * The same routine; with {@code traced} every message carries a W3C {@code traceparent} header
     * of a producer span of its own, as messages of a traced publisher do.
     */
    public void fill(String queue, int count, int size, boolean traced) throws Exception {
        try (Channel channel = connection.createChannel()) {
            channel.confirmSelect();
            AMQP.BasicProperties props = MessageProperties.PERSISTENT_BASIC.builder()
                    .contentType("application/json").build();
            for (int i = 0; i < count; i++) {
                AMQP.BasicProperties p = traced ? props.builder().headers(java.util.Map.of("traceparent", traceparent(i))).build()
                        : props;
                channel.basicPublish("", queue, p, body(i, size));
                if (i % 2000 == 1999) {
                    channel.waitForConfirmsOrDie(60_000);
                }
            }
            channel.waitForConfirmsOrDie(60_000);
        }
        long ready = messageCount(queue);
        if (ready != count) {
            throw new IllegalStateException("queue " + queue + " holds " + ready + " messages, expected " + count);
        }
    }

    private static String traceparent(int i) {
        UUID trace = UUID.randomUUID();
        return String.format("00-%016x%016x-%016x-01", trace.getMostSignificantBits(), trace.getLeastSignificantBits(),
                (long) i + 1);
    }

    public long messageCount(String queue) throws Exception {
        try (Channel channel = connection.createChannel()) {
            return channel.queueDeclarePassive(queue).getMessageCount();
        }
    }

    public void delete(String queue) throws Exception {
        try (Channel channel = connection.createChannel()) {
            channel.queueDelete(queue);
        }
    }

    /** A JSON object of exactly {@code size} bytes that decodes into {@link Item}. */
    static byte[] body(int id, int size) {
        String head = "{\"id\":" + id + ",\"name\":\"item-" + id + "\",\"price\":12.5,\"tags\":[\"a\",\"b\"],\"payload\":\"";
        String tail = "\"}";
        int pad = size - head.length() - tail.length();
        if (pad < 0) {
            throw new IllegalArgumentException("body size too small: " + size);
        }
        return (head + "x".repeat(pad) + tail).getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() throws Exception {
        connection.close();
    }
}
