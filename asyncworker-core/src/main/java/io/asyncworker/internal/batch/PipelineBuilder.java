package io.asyncworker.internal.batch;

import io.asyncworker.AsyncBatchHandler;
import io.asyncworker.BatchOptions;
import io.asyncworker.BodyCodec;
import io.asyncworker.Message;
import io.asyncworker.Settings;
import io.asyncworker.spi.BatchPipeline;
import io.asyncworker.spi.Checks;
import io.asyncworker.spi.Inbound;
import io.asyncworker.spi.MessageControl;
import io.asyncworker.spi.SettleSink;
import io.asyncworker.spi.TimerService;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.util.Objects;
import java.util.function.BiFunction;

/** Collects and checks a pipeline's parts; not thread-safe. */
public final class PipelineBuilder<I extends Inbound, M extends Message> implements BatchPipeline.Builder<I, M> {
    final String route;
    BatchOptions options = BatchOptions.defaults();
    Integer bulkSize;
    Settings settings;
    TimerService timer;
    MeterRegistry meters;
    BodyCodec codec;
    BiFunction<? super I, MessageControl, ? extends M> messages;
    AsyncBatchHandler<M> handler;
    SettleSink<I> sink;
    boolean holdRequeues;
    ObservationRegistry observations = ObservationRegistry.NOOP;

    /** A builder for the named route. */
    public PipelineBuilder(String route) {
        this.route = route;
    }

    @Override
    public BatchPipeline.Builder<I, M> options(BatchOptions options) {
        this.options = Objects.requireNonNull(options, "options");
        return this;
    }

    @Override
    public BatchPipeline.Builder<I, M> bulkSize(int effectiveBulkSize) {
        this.bulkSize = Checks.atLeast("bulkSize", effectiveBulkSize, 1);
        return this;
    }

    @Override
    public BatchPipeline.Builder<I, M> settings(Settings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        return this;
    }

    @Override
    public BatchPipeline.Builder<I, M> timer(TimerService timer) {
        this.timer = Objects.requireNonNull(timer, "timer");
        return this;
    }

    @Override
    public BatchPipeline.Builder<I, M> meters(MeterRegistry registry) {
        this.meters = Objects.requireNonNull(registry, "meters");
        return this;
    }

    @Override
    public BatchPipeline.Builder<I, M> codec(BodyCodec codec) {
        this.codec = Objects.requireNonNull(codec, "codec");
        return this;
    }

    @Override
    public BatchPipeline.Builder<I, M> messages(BiFunction<? super I, MessageControl, ? extends M> factory) {
        this.messages = Objects.requireNonNull(factory, "messages");
        return this;
    }

    @Override
    public BatchPipeline.Builder<I, M> handler(AsyncBatchHandler<M> handler) {
        this.handler = Objects.requireNonNull(handler, "handler");
        return this;
    }

    @Override
    public BatchPipeline.Builder<I, M> holdRequeues(boolean hold) {
        this.holdRequeues = hold;
        return this;
    }

    @Override
    public BatchPipeline.Builder<I, M> observations(ObservationRegistry registry) {
        this.observations = Objects.requireNonNull(registry, "observations");
        return this;
    }

    @Override
    public BatchPipeline.Builder<I, M> sink(SettleSink<I> sink) {
        this.sink = Objects.requireNonNull(sink, "sink");
        return this;
    }

    @Override
    public BatchPipeline<I, M> build() {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(timer, "timer");
        Objects.requireNonNull(meters, "meters");
        Objects.requireNonNull(messages, "messages");
        Objects.requireNonNull(handler, "handler");
        Objects.requireNonNull(sink, "sink");
        if (options.bodyType().isPresent() && codec == null) {
            throw new IllegalArgumentException("route '" + route + "' declares a body type but its pipeline has no codec");
        }
        return new DefaultBatchPipeline<>(this);
    }
}
