package io.asyncworker.examples;

import io.asyncworker.rabbitmq.AmqpConnection;

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
        BrokerKind.withConnection(rabbit, "declare queue '" + queue + "'",
                connection -> connection.createChannel().queueDeclare(queue, true, false, false, null));
    }
}
