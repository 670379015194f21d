package io.asyncworker.internal.batch;

import io.asyncworker.AsyncBatchHandler;
import io.asyncworker.BatchOptions;
import io.asyncworker.BodyCodec;
import io.asyncworker.Message;
import io.asyncworker.spi.Inbound;
import io.asyncworker.spi.LogLimiter;
import io.asyncworker.spi.MessageControl;
import io.asyncworker.spi.RouteMetrics;
import io.asyncworker.spi.SettleSink;
import io.asyncworker.spi.TimerService;
import java.time.Duration;
import java.util.function.BiFunction;

/**
 * What every batch of one route shares. {@code failures} limits handler stack traces (one per
 * exception type per 10 s), {@code notes} the per-message warnings (one per kind per second);
 * {@code observation} puts each handler run in its log context and observation.
 */
record RouteContext<I extends Inbound, M extends Message>(
        String name, BatchOptions options, AsyncBatchHandler<M> handler, SettleSink<I> sink,
        BiFunction<? super I, MessageControl, ? extends M> messages, BodyCodec codec, RouteMetrics metrics,
        TimerService timer, LogLimiter failures, LogLimiter notes, DelayedSettles<I> delayed, boolean holdRequeues,
        HandlerObservation observation) {

    static final Duration FAILURE_LOG_WINDOW = Duration.ofSeconds(10);
    static final Duration NOTE_LOG_WINDOW = Duration.ofSeconds(1);
}
