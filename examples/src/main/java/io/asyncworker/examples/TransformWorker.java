package io.asyncworker.examples;

import io.asyncworker.App;
import io.asyncworker.rabbitmq.AmqpConnection;
import io.asyncworker.rabbitmq.AmqpRoute;
import io.asyncworker.rabbitmq.AmqpTopology;
import io.asyncworker.rabbitmq.PublishOptions;
import io.asyncworker.rabbitmq.QueueDeclaration;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consume, transform, publish: every order from {@code EXAMPLE_QUEUE} (default orders) becomes an
 * invoice on {@code EXAMPLE_OUT_QUEUE} (default invoices). A batch is acked only after the broker
 * confirmed all its invoices; a failed publish requeues the batch (at-least-once).
 */
public final class TransformWorker {
    private static final Logger LOG = LoggerFactory.getLogger(TransformWorker.class);

    /** What arrives. */
    public record Order(String id, int quantity, long unitCents) {
    }

    /** What leaves. */
    public record Invoice(String orderId, long totalCents) {
    }

    public static App app() {
        String in = Env.get("EXAMPLE_QUEUE", "orders");
        String out = Env.get("EXAMPLE_OUT_QUEUE", "invoices");
        AmqpConnection rabbit = AmqpConnection.fromEnv().toBuilder()                // both queues, before consuming
                .declare(AmqpTopology.builder().queue(in, QueueDeclaration.durable()).queue(out, QueueDeclaration.durable())
                        .build()).build();
        PublishOptions mandatory = PublishOptions.builder().mandatory(true).build(); // unroutable = error
        App app = App.create().connection(rabbit);
        app.onStartup(a -> BrokerKind.warnUnlessRabbitMq(rabbit, LOG, "TransformWorker",
                "a batch that fails (unroutable invoice) is requeued only in part until a restart (basic.nack multiple)"));
        return app.route(AmqpRoute.consume(in)
                .bodyType(Order.class)                                      // not an order: rejected unhandled
                .bulkSize(20)
                .flushTimeout(Duration.ofSeconds(1))
                .handler(batch -> CompletableFuture.allOf(batch.stream()    // publish all, then await confirms
                        .map(m -> m.body(Order.class))
                        .map(o -> new Invoice(o.id(), o.quantity() * o.unitCents()))
                        .map(invoice -> rabbit.publishAsync("", out, invoice, mandatory))
                        .toArray(CompletableFuture[]::new)).join()));
    }

    public static void main(String[] args) {
        app().run();
    }
}
