package io.asyncworker.examples;

import io.asyncworker.rabbitmq.AmqpConnection;

/**
 * Declares a queue that a route does not consume (an output or dead-letter queue), from a
 * startup hook: the route's own {@code declare(...)} only covers the queues it consumes.
 */
final class Queues {

    private Queues() {
    }

    /** Declares a durable classic queue; a no-op when it exists with the same arguments. */
    static void declareDurable(AmqpConnection rabbit, String queue) throws Exception {
        try (var connection = rabbit.connectionFactory().newConnection("asyncworker-example-setup");
             var channel = connection.createChannel()) {
            channel.queueDeclare(queue, true, false, false, null);
        }
    }
}
