package io.asyncworker.examples;

import io.asyncworker.Action;
import io.asyncworker.App;
import io.asyncworker.Key;
import io.asyncworker.rabbitmq.AmqpConnection;
import io.asyncworker.rabbitmq.AmqpRoute;
import io.asyncworker.rabbitmq.QueueDeclaration;
import io.asyncworker.rabbitmq.RabbitMQMessage;
import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bulk RabbitMQ consumer: batches of up to 50 items or whatever arrived within 2 s; an invalid
 * item is rejected on its own, an exception rejects the batch's undecided messages (dead-lettered
 * to {@code <queue>.rejected} when that queue exists). Queue: {@code EXAMPLE_QUEUE} (default items).
 */
public final class ItemsWorker {
    private static final Logger LOG = LoggerFactory.getLogger(ItemsWorker.class);
    /** How many items were saved. */
    public static final Key<LongAdder> SAVED = Key.of("saved", LongAdder.class);

    /** An item as published on the queue. */
    public record Item(String name, int quantity) {
    }

    public static App app() {
        String queue = Env.get("EXAMPLE_QUEUE", "items");
        App app = App.create().connection(AmqpConnection.fromEnv()).put(SAVED, new LongAdder());
        return app.route(AmqpRoute.consume(queue)
                .declare(QueueDeclaration.durable().deadLetterExchange("").deadLetterRoutingKey(queue + ".rejected"))
                .bulkSize(50)
                .flushTimeout(Duration.ofSeconds(2))
                .onException(Action.REJECT)                  // default REQUEUE would retry forever
                .handler(batch -> {
                    for (RabbitMQMessage m : batch) {
                        Item item = m.body(Item.class);
                        if (item.quantity() < 0) {
                            m.reject(false);                 // only this one; the rest is acked
                        } else if (item.name().equals("explode")) {
                            throw new IllegalStateException("cannot save " + item);
                        } else {
                            app.get(SAVED).increment();
                        }
                    }
                    LOG.info("batch of {} handled, {} saved so far", batch.size(), app.get(SAVED).sum());
                }));
    }

    public static void main(String[] args) {
        app().run();
    }
}
