/**
 * The RabbitMQ backend: batched consumers, per-message outcomes, publishing, recovery and
 * graceful stop, on amqp-client.
 *
 * <pre>{@code
 * App app = App.create();
 * AmqpConnection rabbit = AmqpConnection.fromEnv();            // ASYNCWORKER_AMQP_* settings
 * app.connection(rabbit);
 * app.route(AmqpRoute.consume("items", "items-retry")
 *         .bulkSize(500)                                       // prefetch >= 2 x bulkSize keeps it flowing
 *         .flushTimeout(Duration.ofSeconds(2))
 *         .onException(Action.REJECT)                          // default REQUEUE
 *         .maxDeliveries(5)
 *         .bodyType(Item.class)                                // undecodable: dead-lettered, never handled
 *         .handler(batch -> {
 *             for (RabbitMQMessage m : batch) {
 *                 Item item = m.body(Item.class);
 *                 if (!item.valid()) m.reject(false);          // per-message override
 *                 else rabbit.publish("", "items-done", item); // JSON, persistent, confirmed
 *             }
 *         }));
 * app.run();
 * }</pre>
 *
 * <p>Types: {@link io.asyncworker.rabbitmq.AmqpConnection} (where to connect — one node or a
 * cluster's —, prefetch, heartbeat, TLS, recovery, publishing, the fleet lock of once-per-fleet
 * schedules), {@link io.asyncworker.rabbitmq.AmqpRoute} (what to consume and how),
 * {@link io.asyncworker.rabbitmq.RabbitMQMessage} (what the handler gets),
 * {@link io.asyncworker.rabbitmq.AmqpTopology} with {@link io.asyncworker.rabbitmq.Exchange},
 * {@link io.asyncworker.rabbitmq.QueueDeclaration} and {@link io.asyncworker.rabbitmq.Binding} (what a
 * connection declares before consuming), {@link io.asyncworker.rabbitmq.PublishOptions},
 * {@link io.asyncworker.rabbitmq.ConnectionFailure} and {@link io.asyncworker.rabbitmq.RetryHeaders}
 * (what retried and parked messages carry).
 * Everything in {@code io.asyncworker.rabbitmq.internal} is implementation.
 */
package io.asyncworker.rabbitmq;
