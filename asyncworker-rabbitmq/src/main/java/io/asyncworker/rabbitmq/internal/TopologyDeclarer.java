package io.asyncworker.rabbitmq.internal;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import io.asyncworker.rabbitmq.AmqpConnection;
import io.asyncworker.rabbitmq.AmqpTopology;
import io.asyncworker.rabbitmq.Binding;
import io.asyncworker.rabbitmq.Exchange;
import io.asyncworker.rabbitmq.QueueDeclaration;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/**
 * Declares an {@link AmqpTopology} on one channel: exchanges, then queues, then bindings. The
 * first refusal closes the channel; it is reported naming the element and the broker's reason.
 *
 * <p>Stateless; each call uses its own channel.
 */
public final class TopologyDeclarer {
    private TopologyDeclarer() {
    }

    @FunctionalInterface
    private interface Step {
        void run() throws IOException;
    }

    /**
     * Declares the topology on a new channel of the connection.
     *
     * @param where the broker, for the message, e.g. {@code amqp://mq:5672/}
     * @throws IllegalStateException naming what the broker refused and why
     */
    public static void declare(Connection connection, AmqpTopology topology, String where) {
        if (topology.isEmpty()) {
            return;
        }
        Channel ch;
        try {
            ch = connection.createChannel();
        } catch (IOException e) {
            throw new IllegalStateException("cannot declare the topology on " + where + ": " + Topology.replyText(e), e);
        }
        try {
            declare(ch, topology, where);
        } finally {
            Topology.closeQuietly(ch);
        }
    }

    /**
     * Declares the topology on a connection of its own, closed after.
     *
     * @throws IllegalStateException when the broker cannot be reached or refuses an element
     */
    public static void declare(AmqpConnection config, AmqpTopology topology) {
        try (Connection c = config.connectionFactory().newConnection(config.name() + "-declare")) {
            declare(c, topology, config.address());
        } catch (IOException | TimeoutException e) {
            throw new IllegalStateException("cannot connect to RabbitMQ at " + config.address() + " (connection '"
                    + config.name() + "'): " + Topology.reason(e), e);
        }
    }

    private static void declare(Channel ch, AmqpTopology topology, String where) {
        for (Exchange e : topology.exchanges()) {
            step("exchange '" + e.name() + "'", where, () -> exchange(ch, e));
        }
        for (Map.Entry<String, QueueDeclaration> q : topology.queues().entrySet()) {
            step("queue '" + q.getKey() + "'", where, () -> queue(ch, q.getKey(), q.getValue()));
        }
        for (Binding b : topology.bindings()) {
            step("binding " + b, where, () -> bind(ch, b));
        }
    }

    static void exchange(Channel ch, Exchange e) throws IOException {
        ch.exchangeDeclare(e.name(), e.type(), e.isDurable(), e.isAutoDelete(), e.isInternal(), e.arguments());
    }

    static void queue(Channel ch, String name, QueueDeclaration q) throws IOException {
        ch.queueDeclare(name, q.isDurable(), false, false, q.arguments());
    }

    private static void bind(Channel ch, Binding b) throws IOException {
        if (b.toQueue()) {
            ch.queueBind(b.destination(), b.source(), b.routingKey(), b.arguments());
        } else {
            ch.exchangeBind(b.destination(), b.source(), b.routingKey(), b.arguments());
        }
    }

    private static void step(String what, String where, Step step) {
        try {
            step.run();
        } catch (IOException | RuntimeException e) {
            String reason = Topology.replyText(e);
            String hint = reason.contains("inequivalent arg") ? ". It exists with other arguments than declared: delete it "
                    + "or change the declaration (asyncworker check lists every difference)" : "";
            throw new IllegalStateException("cannot declare " + what + " on " + where + ": " + reason + hint, e);
        }
    }
}
