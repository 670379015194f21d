package io.asyncworker.examples;

import io.asyncworker.rabbitmq.AmqpConnection;
import java.io.IOException;
import java.util.concurrent.TimeoutException;

/**
 * Declares a queue that a route does not consume (an output or dead-letter queue), from a
 * startup hook: the route's own {@code declare(...)} only covers the queues it consumes.
 */
final class Queues {

    private Queues() {
    }

    /**
     * Declares a durable classic queue; a no-op when it exists with the same arguments.
     *
     * @throws IllegalStateException naming the queue and the broker when that fails
     */
    static void declareDurable(AmqpConnection rabbit, String queue) {
        try (var connection = rabbit.connectionFactory().newConnection("asyncworker-example-setup");
             var channel = connection.createChannel()) {
            channel.queueDeclare(queue, true, false, false, null);
        } catch (IOException | TimeoutException e) {
            throw new IllegalStateException("cannot declare queue '" + queue + "' on " + rabbit.address() + ": " + e, e);
        }
    }
}
