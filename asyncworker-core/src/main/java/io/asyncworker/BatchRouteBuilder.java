package io.asyncworker;

import io.asyncworker.spi.Checks;
import io.asyncworker.spi.ConnectionChoice;
import java.time.Duration;
import java.util.Objects;

/**
 * The options every batched route shares (RabbitMQ, SSE, and third-party batched backends): name,
 * connection, bulk size, flush timeout, outcomes, concurrency, delivery limit and body type. Each
 * backend's route builder extends it and adds its own options. Each setter validates its argument at
 * once and throws {@link IllegalArgumentException} naming the option; {@link #handler} or
 * {@link #asyncHandler} builds the immutable route. Not thread-safe.
 *
 * @param <B> the backend's builder type
 * @param <M> the message type its handler gets
 * @param <C> the backend's connection type
 * @param <R> the route type it builds
 */
public abstract class BatchRouteBuilder<B extends BatchRouteBuilder<B, M, C, R>, M extends Message, C extends Connection,
        R extends Route> {
    private final BatchOptions.Builder options = BatchOptions.builder();
    private String name;
    private ConnectionChoice<C> connection = ConnectionChoice.none();

    /**
     * Starts a builder with every batch option at its default.
     *
     * @param defaultName the route's name unless {@link #name(String)} sets one
     */
    protected BatchRouteBuilder(String defaultName) {
        this.name = Checks.notBlank("name", defaultName);
    }

    /**
     * This builder, typed.
     *
     * @return {@code this}, as the backend's builder type
     */
    protected abstract B self();

    /**
     * Builds the route from this builder's values and the handler.
     *
     * @param handler the route's handler; a blocking one arrives here adapted by {@link AsyncBatchHandler#of}
     * @return the finished, immutable route
     */
    protected abstract R build(AsyncBatchHandler<M> handler);

    /**
     * The route's unique name in logs, metrics and health.
     *
     * @param name the name, not blank
     * @return this builder
     * @throws IllegalArgumentException naming {@code name} when it is blank
     */
    public B name(String name) {
        this.name = Checks.notBlank("name", name);
        return self();
    }

    /**
     * Uses the registered connection with this name.
     *
     * @param name the name the connection is registered under with {@link App#connection(Connection)}
     * @return this builder
     */
    public B connection(String name) {
        this.connection = ConnectionChoice.named(name);
        return self();
    }

    /**
     * Uses this connection, registered with the app or not.
     *
     * @param connection the connection
     * @return this builder
     */
    public B connection(C connection) {
        this.connection = ConnectionChoice.of(connection);
        return self();
    }

    /**
     * The largest batch, at least 1; default 1.
     *
     * @param size the most messages per batch
     * @return this builder
     * @throws IllegalArgumentException naming {@code bulkSize} when it is below 1
     */
    public B bulkSize(int size) {
        options.bulkSize(size);
        return self();
    }

    /**
     * How long a partial batch waits after its first message; positive, at most a year; default
     * {@code ASYNCWORKER_FLUSH_TIMEOUT}.
     *
     * @param timeout the longest wait for a batch to fill
     * @return this builder
     * @throws IllegalArgumentException naming {@code flushTimeout} when it is not positive
     */
    public B flushTimeout(Duration timeout) {
        options.flushTimeout(timeout);
        return self();
    }

    /**
     * The action for undecided messages when the handler returns; default ACK.
     *
     * @param action the action for the messages the handler left undecided
     * @return this builder
     */
    public B onSuccess(Action action) {
        options.onSuccess(action);
        return self();
    }

    /**
     * The action for undecided messages when the handler throws; default REQUEUE. Not with
     * {@link #retry(RetryPolicy)}, which decides failed messages itself.
     *
     * @param action the action for the messages the handler left undecided
     * @return this builder
     * @throws IllegalArgumentException when a retry policy is set
     */
    public B onException(Action action) {
        options.onException(action);
        return self();
    }

    /**
     * How many batches may run at once, at least 1; {@code 1} means strictly one at a time, in order.
     *
     * @param max the most batches in flight
     * @return this builder
     * @throws IllegalArgumentException naming {@code maxConcurrency} when it is below 1
     */
    public B maxConcurrency(int max) {
        options.maxConcurrency(max);
        return self();
    }

    /**
     * A message delivered this many times is rejected (dead-lettered) instead of requeued once its
     * handler ran; one that never reached the handler is always requeued. At least 1.
     *
     * @param max the delivery count from which a failed message is rejected
     * @return this builder
     * @throws IllegalArgumentException naming {@code maxDeliveries} when it is below 1
     */
    public B maxDeliveries(int max) {
        options.maxDeliveries(max);
        return self();
    }

    /**
     * Decodes every body into this type before the handler runs; a body that does not decode (a
     * JSON {@code null} included) is rejected without requeue (dead-lettered with a DLX), logged and
     * counted as {@code asyncworker.messages.invalid{reason=decode}}, and never reaches the handler.
     * {@code body(type)} then returns the decoded value.
     *
     * @param type the class every body is decoded into
     * @return this builder
     */
    public B bodyType(Class<?> type) {
        options.bodyType(type);
        return self();
    }

    /**
     * Retries failed messages by this policy, then parks them (SPEC §14), instead of applying
     * {@code onException}: the undecided messages of a failed batch, and those the handler asks to
     * {@link Message#retry() retry}, come back after the policy's delay while attempts remain; then,
     * or at once for {@link RetryPolicy#parkOn} failures and {@link Message#park(String)}, they are
     * parked. Each backend says how it waits and where it parks (RabbitMQ: delay queues and a
     * parking-lot queue on the broker; SSE: reconnect after the delay, parked events logged and
     * counted). Shown by {@code asyncworker routes}.
     *
     * @param policy the policy
     * @return this builder
     * @throws IllegalArgumentException when {@code onException} is set too, or the backend cannot
     *                                  carry the policy out (naming why)
     */
    public B retry(RetryPolicy policy) {
        options.retry(policy);
        return self();
    }

    /**
     * Finishes the route with a blocking handler, run on a virtual thread.
     *
     * @param handler the handler, called with each batch; it may block
     * @return the finished, immutable route
     */
    public R handler(BatchHandler<M> handler) {
        return build(AsyncBatchHandler.of(Objects.requireNonNull(handler, "handler")));
    }

    /**
     * Finishes the route with a non-blocking handler.
     *
     * @param handler the handler, called with each batch; the batch is done when the stage it returns completes
     * @return the finished, immutable route
     */
    public R asyncHandler(AsyncBatchHandler<M> handler) {
        return build(Objects.requireNonNull(handler, "handler"));
    }

    /**
     * Sets the backend's own default for {@link #maxConcurrency(int)}, e.g. 1 for an ordered stream.
     *
     * @param max the default limit of batches in flight, at least 1
     */
    protected final void defaultMaxConcurrency(int max) {
        options.defaultMaxConcurrency(max);
    }

    /** {@return the route's name} */
    protected final String routeName() {
        return name;
    }

    /** {@return the batch options as set so far, copied into an immutable value} */
    protected final BatchOptions batchOptions() {
        return options.build();
    }

    /**
     * The connection asked for.
     *
     * @return the connection chosen by name or instance, or none for the app's default
     */
    protected final ConnectionChoice<C> connectionChoice() {
        return connection;
    }
}
