package io.asyncworker.test;

import io.asyncworker.BodyCodec;
import io.asyncworker.Connection;
import io.asyncworker.test.internal.InMemoryBackendFactory;
import io.asyncworker.test.internal.MemoryBrokerBuilder;
import io.asyncworker.spi.BackendFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A message broker in the test's own memory, for testing a worker's handlers without RabbitMQ: send
 * messages to a queue, let an {@link InMemoryRoute} consume them through the framework's real batch
 * pipeline, and wait for what each message got.
 *
 * <pre>{@code
 * InMemoryBroker broker = InMemoryBroker.create();
 * try (App app = App.create(Settings.from(Map.of()))) {
 *     app.connection(broker);
 *     app.route(InMemoryRoute.consume("orders").bodyType(Order.class).handler(batch -> save(batch)));
 *     app.start();
 *     assertThat(broker.send("orders", new Order(1, "book")).awaitSettled()).isEqualTo(Action.ACK);
 *     assertThat(broker.send("orders", "not json").awaitSettled()).isEqualTo(Action.REJECT);
 * }
 * }</pre>
 *
 * <p>It behaves like a RabbitMQ queue: queues exist once named; messages wait until a route consumes
 * them and are delivered in send order, at most {@code prefetch} unsettled ones per consumer; a
 * requeued message goes back to its place and is delivered again with a growing delivery count; a
 * rejected one goes to the queue's dead letters; {@link #killChannels(String)} makes the consumers'
 * channels die as a broker restart would. It is a {@link Connection}: register it with
 * {@code app.connection(broker)} (or give it to a route with {@code connection(broker)}). Its backend,
 * route type {@code IN_MEMORY}, is found through {@code META-INF/services}, or given with
 * {@code App.builder().backend(InMemoryBroker.backendFactory())}. A broker outlives the apps that use
 * it: what one app left in a queue, the next one consumes.
 *
 * <p>Thread-safe; {@link #send} never blocks (it may hand messages to the route's pipeline on the
 * calling thread).
 */
public interface InMemoryBroker extends Connection {

    /** {@return a broker named {@code in-memory} with a prefetch of 128 and JSON bodies} */
    static InMemoryBroker create() {
        return builder().build();
    }

    /** {@return a builder for a broker with other options} */
    static Builder builder() {
        return new MemoryBrokerBuilder();
    }

    /**
     * {@return the in-memory backend, for {@code App.builder().backend(...)} when it is not found on the
     * class path (e.g. in a shaded jar without merged service files)}
     */
    static BackendFactory backendFactory() {
        return new InMemoryBackendFactory();
    }

    /**
     * Sends a message to a queue; a consumer of the queue gets it at once, on this thread, when it has
     * room for it.
     *
     * @param queue the queue; created if it does not exist
     * @param body  a {@code String} (sent as UTF-8), a {@code byte[]} (as it is) or any other object
     *              (encoded with the broker's codec, JSON by default)
     * @return the sent message, to wait for its settlement
     * @throws IllegalArgumentException when the queue name is blank or the codec cannot encode the body
     */
    Sent send(String queue, Object body);

    /**
     * Sends a message with headers (see {@link #send(String, Object)}).
     *
     * @param queue   the queue; created if it does not exist
     * @param body    the body, as for {@link #send(String, Object)}
     * @param headers the headers the handler sees in {@link InMemoryMessage#headers()}; no null keys or values
     * @return the sent message, to wait for its settlement
     * @throws IllegalArgumentException when the queue name is blank or the codec cannot encode the body
     */
    Sent send(String queue, Object body, Map<String, ?> headers);

    /**
     * {@return how many messages of the queue wait to be delivered (ready); 0 for an unknown queue}
     *
     * @param queue the queue
     */
    int ready(String queue);

    /**
     * {@return how many messages of the queue are delivered and not yet settled; 0 for an unknown queue}
     *
     * @param queue the queue
     */
    int unacked(String queue);

    /**
     * {@return the messages of the queue that were rejected (or parked), oldest first}
     *
     * @param queue the queue
     */
    List<Sent> deadLetters(String queue);

    /**
     * {@return how many consumers are subscribed to the queue}
     *
     * @param queue the queue
     */
    int consumers(String queue);

    /**
     * Makes the channel of every consumer of the queue die, as when the broker restarts or closes the
     * channel: every delivered, unsettled message goes back to the queue to be delivered again, a
     * settlement the route makes later for such a delivery is ignored, and each consumer goes on on a
     * new channel. The route's pipeline is told, and drops what of the dead channel still waits in its
     * bucket.
     *
     * @param queue the queue
     */
    void killChannels(String queue);

    /**
     * Options of an {@link InMemoryBroker}; each setter validates its argument at once and throws
     * {@link IllegalArgumentException} naming the option. Not thread-safe; the broker it builds is.
     */
    interface Builder {
        /**
         * The connection's name, which routes may choose it by; default {@code in-memory}.
         *
         * @param name the name, not blank
         * @return this builder
         */
        Builder name(String name);

        /**
         * How many delivered, unsettled messages a consumer holds at most, as AMQP's {@code basic.qos};
         * a route's bulk size is clamped to it. Default 128.
         *
         * @param prefetch at least 1
         * @return this builder
         */
        Builder prefetch(int prefetch);

        /**
         * Encodes sent objects and decodes {@code body(Class)} and the routes' body types; default JSON
         * through Jackson.
         *
         * @param codec the codec
         * @return this builder
         */
        Builder codec(BodyCodec codec);

        /**
         * How long the {@code await} methods of {@link Sent} wait; default 10 s.
         *
         * @param timeout positive, at most a year
         * @return this builder
         */
        Builder awaitTimeout(Duration timeout);

        /** {@return the broker} */
        InMemoryBroker build();
    }
}
