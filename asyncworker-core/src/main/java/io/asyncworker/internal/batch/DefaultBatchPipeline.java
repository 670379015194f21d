package io.asyncworker.internal.batch;

import io.asyncworker.AsyncBatchHandler;
import io.asyncworker.BatchOptions;
import io.asyncworker.Message;
import io.asyncworker.Settings;
import io.asyncworker.spi.BatchPipeline;
import io.asyncworker.spi.FlushReason;
import io.asyncworker.spi.RouteMetrics;
import io.asyncworker.spi.Settler;
import io.asyncworker.spi.TimerService;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Bucket → executor → outcome rule → settler. */
public final class DefaultBatchPipeline<M extends Message> implements BatchPipeline<M> {
    private static final Logger LOG = LoggerFactory.getLogger(DefaultBatchPipeline.class);
    /** How long interrupted handlers get to end after the shutdown budget. */
    static final Duration INTERRUPT_GRACE = Duration.ofSeconds(1);
    private final PipelineBatch.Route<M> route;
    private final Bucket<M> bucket;
    private final BatchExecutor executor;

    private DefaultBatchPipeline(PipelineBuilder<M> b) {
        RouteMetrics metrics = RouteMetrics.of(b.meters, b.route);
        this.route = new PipelineBatch.Route<>(b.route, b.options, b.handler, b.settler, metrics, b.timer);
        int bulk = b.bulkSize == null ? b.options.bulkSize() : b.bulkSize;
        this.bucket = new Bucket<>(bulk, b.options.flushTimeout(b.settings), b.timer, this::dispatch);
        int max = b.options.maxConcurrency().orElse(Integer.MAX_VALUE);
        this.executor = new BatchExecutor(max, Thread.ofVirtual().name("aw-" + b.route + "-", 0).factory());
    }

    private void dispatch(List<M> batch, FlushReason reason) {
        route.metrics().flushed(batch.size(), reason);
        executor.submit(new PipelineBatch<>(route, batch));
    }

    @Override
    public void add(M message) {
        bucket.add(message);
    }

    @Override
    public void flush(FlushReason reason) {
        bucket.flush(reason);
    }

    @Override
    public List<M> discard(Predicate<? super M> which) {
        return bucket.discard(which);
    }

    @Override
    public boolean drain(Duration budget) {
        bucket.flush(FlushReason.SHUTDOWN);
        boolean idle;
        try {
            idle = executor.awaitIdle(budget);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            idle = false;
        }
        if (!idle) {
            List<Thread> interrupted = executor.abandonAll();
            LOG.warn("route '{}': batches did not finish within the shutdown budget of {}; their messages were requeued"
                    + " and {} running handlers interrupted", route.name(), budget, interrupted.size());
            awaitInterrupted(interrupted);
        }
        return idle;
    }

    /**
     * Gives interrupted handlers a short grace to end, so that they are done before the
     * shutdown hooks close what they use; a handler that ignores the interrupt is named.
     */
    private void awaitInterrupted(List<Thread> threads) {
        long deadline = System.nanoTime() + INTERRUPT_GRACE.toNanos();
        for (Thread t : threads) {
            try {
                t.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (t.isAlive()) {
                LOG.warn("route '{}': handler thread {} ignores the interrupt; leaving it behind", route.name(), t.getName());
            }
        }
    }

    @Override
    public int waiting() {
        return bucket.size();
    }

    @Override
    public int batchesInFlight() {
        return executor.size();
    }

    /** Collects and checks the pipeline's parts. */
    public static final class PipelineBuilder<M extends Message> implements BatchPipeline.Builder<M> {
        private final String route;
        private BatchOptions options = BatchOptions.defaults();
        private Integer bulkSize;
        private Settings settings;
        private TimerService timer;
        private MeterRegistry meters;
        private AsyncBatchHandler<M> handler;
        private Settler<M> settler;

        public PipelineBuilder(String route) {
            this.route = route;
        }

        @Override
        public Builder<M> options(BatchOptions options) {
            this.options = Objects.requireNonNull(options, "options");
            return this;
        }

        @Override
        public Builder<M> bulkSize(int effectiveBulkSize) {
            if (effectiveBulkSize < 1) {
                throw new IllegalArgumentException("bulkSize must be at least 1, got " + effectiveBulkSize);
            }
            this.bulkSize = effectiveBulkSize;
            return this;
        }

        @Override
        public Builder<M> settings(Settings settings) {
            this.settings = Objects.requireNonNull(settings, "settings");
            return this;
        }

        @Override
        public Builder<M> timer(TimerService timer) {
            this.timer = Objects.requireNonNull(timer, "timer");
            return this;
        }

        @Override
        public Builder<M> meters(MeterRegistry registry) {
            this.meters = Objects.requireNonNull(registry, "meters");
            return this;
        }

        @Override
        public Builder<M> handler(AsyncBatchHandler<M> handler) {
            this.handler = Objects.requireNonNull(handler, "handler");
            return this;
        }

        @Override
        public Builder<M> settler(Settler<M> settler) {
            this.settler = Objects.requireNonNull(settler, "settler");
            return this;
        }

        @Override
        public BatchPipeline<M> build() {
            Objects.requireNonNull(settings, "settings");
            Objects.requireNonNull(timer, "timer");
            Objects.requireNonNull(meters, "meters");
            Objects.requireNonNull(handler, "handler");
            Objects.requireNonNull(settler, "settler");
            return new DefaultBatchPipeline<>(this);
        }
    }
}
