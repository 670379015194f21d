package io.asyncworker.examples;

import io.asyncworker.Action;
import io.asyncworker.App;
import io.asyncworker.Key;
import io.asyncworker.rabbitmq.AmqpConnection;
import io.asyncworker.rabbitmq.AmqpRoute;
import io.asyncworker.rabbitmq.AmqpTopology;
import io.asyncworker.rabbitmq.QueueDeclaration;
import io.asyncworker.rabbitmq.RabbitMQMessage;
import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bulk RabbitMQ consumer: batches of up to 50 items or what arrived within 2 s. Bodies that are not
 * items, invalid items and the unsaved items of a failed batch are dead-lettered to {@code
 * <queue>.rejected}; saved items are accepted one by one. Queue: {@code EXAMPLE_QUEUE} (items).
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
        AmqpConnection rabbit = AmqpConnection.fromEnv().toBuilder().declare(AmqpTopology.builder()
                .queue(queue, QueueDeclaration.durable().deadLetterExchange("").deadLetterRoutingKey(queue + ".rejected"))
                .queue(queue + ".rejected", QueueDeclaration.durable())            // rejects are kept, not dropped
                .build()).build();
        App app = App.create().connection(rabbit).put(SAVED, new LongAdder());
        app.onStartup(a -> BrokerKind.requireRabbitMq(rabbit, "ItemsWorker", "dead-lettering (x-dead-letter-exchange)"));
        return app.route(AmqpRoute.consume(queue)
                .bodyType(Item.class)                        // not an item: rejected before the handler
                .bulkSize(50).flushTimeout(Duration.ofSeconds(2))
                .onException(Action.REJECT)                  // default REQUEUE would retry forever
                .handler(batch -> {
                    for (RabbitMQMessage m : batch) {
                        Item item = m.body(Item.class);
                        if (item.quantity() < 0) {
                            m.reject(false);                 // only this one
                        } else if (item.name().equals("explode")) {
                            throw new IllegalStateException("cannot save " + item);  // rejects the undecided rest
                        } else {
                            app.get(SAVED).increment();      // "saved"
                            m.accept();                      // acked even if a later item throws
                        }
                    }
                    LOG.info("batch of {} handled, {} saved so far", batch.size(), app.get(SAVED).sum());
                }));
    }

    public static void main(String[] args) {
        app().run();
    }
}
