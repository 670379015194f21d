package io.asyncworker.spi;

import io.asyncworker.AsyncBatchHandler;
import io.asyncworker.BatchOptions;
import io.asyncworker.BodyCodec;
import io.asyncworker.Message;
import io.asyncworker.Settings;
import io.asyncworker.internal.batch.PipelineBuilder;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * The life of every message of a batched route, once for all backends (SPEC §13): the bucket (size
 * or timeout since the first message), handler runs on virtual threads bounded by
 * {@code maxConcurrency}, dropping messages of a dead channel, decoding the declared body type
 * (undecodable ones are rejected and counted, never handled), the outcome rule, the delivery limit
 * (applied before the decision is sealed), metrics, drain and close. A backend only adapts: it adds
 * what arrives and carries out the verdicts in its {@link SettleSink}.
 *
 * <pre>{@code
 * BatchPipeline<Record, KafkaMessage> pipeline = BatchPipeline.<Record, KafkaMessage>builder("orders")
 *         .options(route.options()).settings(ctx.settings()).timer(ctx.timer()).meters(ctx.meters())
 *         .codec(codec).messages(KafkaRecord::new).handler(route.handler()).sink(this::commit)
 *         .build();
 * pipeline.add(record);            // from the client's I/O thread; never blocks
 * }</pre>
 *
 * <p>Thread-safe: {@link #add} may be called from I/O threads while batches run and while the
 * pipeline drains; after {@link #drain} a message added is requeued at once, never handled.
 *
 * @param <I> the backend's inbound message type
 * @param <M> the message type the handler sees
 */
public interface BatchPipeline<I extends Inbound, M extends Message> {

    /**
     * A builder for a route's pipeline.
     *
     * @param <I> the backend's inbound message type
     * @param <M> the message type the handler gets
     * @param route the route's name, used in logs and meter tags
     * @return a new builder
     */
    static <I extends Inbound, M extends Message> Builder<I, M> builder(String route) {
        return new PipelineBuilder<>(Objects.requireNonNull(route, "route"));
    }

    /**
     * Adds a message to the bucket; never blocks. After {@link #drain} it is requeued at once.
     *
     * @param message the message as the backend received it
     */
    void add(I message);

    /**
     * Hands the partial batch, if any, to the handler now, e.g. when a stream ended.
     *
     * @param reason why the batch is flushed early, for the logs and meters
     */
    void flush(FlushReason reason);

    /**
     * Drops waiting messages that are no longer {@linkplain Inbound#isCurrent() current}, e.g. after
     * a channel died or a stream was requeued: the source delivers them again. They are neither
     * handled nor settled; a backend that must record them (e.g. in a stream's resume point) does
     * so with the list returned.
     *
     * @return the dropped messages, in source order
     */
    List<I> discardStale();

    /**
     * The graceful stop: flushes the partial batch, closes the pipeline to new messages, waits for
     * every batch within the budget, then interrupts what still runs (with a short grace) and
     * settles what never ran or did not finish with {@code REQUEUE}.
     *
     * @param budget how long to wait for the running batches
     * @return {@code true} when every batch finished within the budget
     */
    boolean drain(Duration budget);

    /** {@return the number of messages waiting in the bucket} */
    int waiting();

    /**
     * Batches running or waiting for a concurrency slot.
     *
     * @return the number of batches running or waiting for a concurrency slot
     */
    int batchesInFlight();

    /** {@return the route's meters, for the backend's own counts (consumer up, received by chunk, ...)} */
    RouteMetrics metrics();

    /**
     * Configures a pipeline; not thread-safe.
     *
     * @param <I> the backend's inbound message type
     * @param <M> the message type the handler gets
     */
    interface Builder<I extends Inbound, M extends Message> {
        /**
         * The route's batch options; default {@link BatchOptions#defaults()}.
         *
         * @param options the options
         * @return this builder
         */
        Builder<I, M> options(BatchOptions options);

        /**
         * Overrides the bulk size, e.g. with {@code min(bulkSize, prefetch)}.
         *
         * @param effectiveBulkSize the largest batch the pipeline forms, at least 1
         * @return this builder
         */
        Builder<I, M> bulkSize(int effectiveBulkSize);

        /**
         * Supplies the default flush timeout. Required.
         *
         * @param settings the app's settings
         * @return this builder
         */
        Builder<I, M> settings(Settings settings);

        /**
         * The clock and timer. Required.
         *
         * @param timer the app's timer service, which schedules the flush timeouts
         * @return this builder
         */
        Builder<I, M> timer(TimerService timer);

        /**
         * Where the route's meters go. Required.
         *
         * @param registry the app's meter registry
         * @return this builder
         */
        Builder<I, M> meters(MeterRegistry registry);

        /**
         * Decodes bodies; required when a body type is declared or {@code body(Class)} is used.
         *
         * @param codec the body codec
         * @return this builder
         */
        Builder<I, M> codec(BodyCodec codec);

        /**
         * Makes the handler's message from the inbound one and the core's control. Required.
         *
         * @param factory makes one handler message per inbound message
         * @return this builder
         */
        Builder<I, M> messages(BiFunction<? super I, MessageControl, ? extends M> factory);

        /**
         * The user's handler. Required.
         *
         * @param handler the handler the batches are given to
         * @return this builder
         */
        Builder<I, M> handler(AsyncBatchHandler<M> handler);

        /**
         * Whether a requeue of a handled message that keeps coming back waits before it is carried
         * out (100 ms on its second delivery, doubling up to one second), so that a poison message
         * costs at most about one delivery a second instead of looping hot. For sources that
         * redeliver a requeued message at once, like a broker queue; a stream that replays in order
         * paces its own reconnects instead. Default false.
         *
         * @param hold {@code true} to pace requeues of redelivered messages
         * @return this builder
         */
        Builder<I, M> holdRequeues(boolean hold);

        /**
         * Observes each handler run (SPEC §16), e.g. with {@link BackendContext#observations()}: a
         * batch of one continues the trace its message's {@linkplain Inbound#headers() headers}
         * carry, a batch of many gets a span linked to each. Default {@link ObservationRegistry#NOOP}.
         * Either way the SLF4J MDC carries the route (and a lone message's id) while the handler runs.
         *
         * @param registry the app's observation registry
         * @return this builder
         */
        Builder<I, M> observations(ObservationRegistry registry);

        /**
         * Carries out the verdicts. Required.
         *
         * @param sink the backend's sink, called with each message's verdict
         * @return this builder
         */
        Builder<I, M> sink(SettleSink<I> sink);

        /**
         * Builds the pipeline.
         *
         * @return the pipeline, ready for {@link #add}
         * @throws NullPointerException naming the first required part not given
         * @throws IllegalArgumentException when a body type is declared and no codec given
         */
        BatchPipeline<I, M> build();
    }
}
