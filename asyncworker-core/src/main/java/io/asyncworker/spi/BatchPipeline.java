package io.asyncworker.spi;

import io.asyncworker.AsyncBatchHandler;
import io.asyncworker.BatchOptions;
import io.asyncworker.Message;
import io.asyncworker.Settings;
import io.asyncworker.internal.batch.DefaultBatchPipeline;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * The batching machinery every batched backend shares: a bucket (size or timeout since the first
 * message), handler runs on virtual threads bounded by {@code maxConcurrency}, the outcome rule,
 * metrics, and a graceful drain. The backend feeds messages in and carries out the decided
 * actions through its {@link Settler}.
 *
 * <pre>{@code
 * BatchPipeline<RabbitMQMessage> pipeline = BatchPipeline.<RabbitMQMessage>builder("items")
 *         .options(route.options()).settings(settings).bulkSize(effectiveBulk)
 *         .timer(ctx.timer()).meters(ctx.meters())
 *         .handler(route.handler()).settler(this::ackOrReject)
 *         .build();
 * pipeline.add(message);            // from the client's delivery thread; never blocks
 * }</pre>
 *
 * <p>Thread-safe: {@link #add} may be called from I/O threads while batches run.
 *
 * @param <M> the backend's message type
 */
public interface BatchPipeline<M extends Message> {

    /**
     * {@return a builder for a route's pipeline}
     *
     * @param <M> the message type
     * @param route the route's name
     */
    static <M extends Message> Builder<M> builder(String route) {
        return new DefaultBatchPipeline.PipelineBuilder<>(Objects.requireNonNull(route, "route"));
    }

    /**
     * Adds a message to the bucket; never blocks.
     *
     * @param message the message to batch
     */
    void add(M message);

    /**
     * Hands the partial batch, if any, to the handler now.
     *
     * @param reason the reason
     */
    void flush(FlushReason reason);

    /**
     * Drops waiting messages that match, e.g. those of a dead channel which the broker will
     * deliver again; they are neither handled nor settled.
     *
     * @param which selects the messages to drop
     * @return the dropped messages
     */
    List<M> discard(Predicate<? super M> which);

    /**
     * The graceful stop: flushes the partial batch, waits for every batch within the budget, then
     * settles what never ran or did not finish with {@code REQUEUE}.
     *
     * @param budget the time budget
     * @return {@code true} when every batch finished within the budget
     */
    boolean drain(Duration budget);

    /** {@return how many messages wait in the bucket} */
    int waiting();

    /** {@return how many batches run or wait for a concurrency slot} */
    int batchesInFlight();

    /**
     * Configures a pipeline; not thread-safe.
     *
     * @param <M> the message type
     */
    interface Builder<M extends Message> {
        /**
         * The route's batch options; default {@link BatchOptions#defaults()}.
         *
         * @param options the route's batch options; default {@link BatchOptions#defaults()}
         * @return this builder
         */
        Builder<M> options(BatchOptions options);

        /**
         * Overrides the bulk size, e.g. with {@code min(bulkSize, prefetch)}.
         *
         * @param effectiveBulkSize the bulk size to use instead of the options', at least 1
         * @return this builder
         */
        Builder<M> bulkSize(int effectiveBulkSize);

        /**
         * Supplies the default flush timeout. Required.
         *
         * @param settings the settings
         * @return this builder
         */
        Builder<M> settings(Settings settings);

        /**
         * The clock and timer. Required.
         *
         * @param timer the clock and timer
         * @return this builder
         */
        Builder<M> timer(TimerService timer);

        /**
         * Where the route's meters go. Required.
         *
         * @param registry where the route's meters go
         * @return this builder
         */
        Builder<M> meters(MeterRegistry registry);

        /**
         * The user's handler. Required.
         *
         * @param handler the user's handler
         * @return this builder
         */
        Builder<M> handler(AsyncBatchHandler<M> handler);

        /**
         * Carries out the decided actions. Required.
         *
         * @param settler the backend's settler
         * @return this builder
         */
        Builder<M> settler(Settler<M> settler);

        /**
         * Builds the pipeline.
         *
         * @return the pipeline, ready to take messages
         */
        BatchPipeline<M> build();
    }
}
