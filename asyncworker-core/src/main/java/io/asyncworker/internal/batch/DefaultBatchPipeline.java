package io.asyncworker.internal.batch;

import io.asyncworker.Message;
import io.asyncworker.spi.BatchPipeline;
import io.asyncworker.spi.FlushReason;
import io.asyncworker.spi.Inbound;
import io.asyncworker.spi.LogLimiter;
import io.asyncworker.spi.RouteMetrics;
import io.asyncworker.spi.TaskRunner;
import io.asyncworker.spi.Verdict;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Bucket → task runner → {@link PipelineBatch} → sink. */
final class DefaultBatchPipeline<I extends Inbound, M extends Message> implements BatchPipeline<I, M> {
    private static final Logger LOG = LoggerFactory.getLogger(DefaultBatchPipeline.class);
    /** How long interrupted handlers get to end after the shutdown budget. */
    static final Duration INTERRUPT_GRACE = Duration.ofSeconds(1);
    private final RouteContext<I, M> route;
    private final Bucket<Tracked<I>> bucket;
    private final TaskRunner runner;

    DefaultBatchPipeline(PipelineBuilder<I, M> b) {
        RouteMetrics metrics = RouteMetrics.of(b.meters, b.route);
        this.route = new RouteContext<>(b.route, b.options, b.handler, b.sink, b.messages, b.codec, metrics, b.timer,
                LogLimiter.every(RouteContext.FAILURE_LOG_WINDOW, b.timer), LogLimiter.every(RouteContext.NOTE_LOG_WINDOW, b.timer),
                new DelayedSettles<>(b.timer, b.sink), b.holdRequeues,
                new HandlerObservation(b.route, b.observations));
        int bulk = b.bulkSize == null ? b.options.bulkSize() : b.bulkSize;
        this.bucket = new Bucket<>(bulk, b.options.flushTimeout(b.settings), b.timer, this::dispatch);
        this.runner = TaskRunner.virtual("aw-" + b.route, b.options.maxConcurrency().orElse(Integer.MAX_VALUE));
    }

    private void dispatch(List<Tracked<I>> batch, FlushReason reason) {
        route.metrics().flushed(batch.size(), reason);
        runner.submit(new PipelineBatch<>(route, batch));
    }

    @Override
    public void add(I message) {
        route.metrics().received(message.source(), 1);
        if (!bucket.add(new Tracked<>(message, route.codec(), route.options().retry().isPresent()))) {
            route.metrics().settled(message.source(), Verdict.REQUEUE.action(), 1);
            route.sink().settle(List.of(message), List.of(Verdict.REQUEUE));
        }
    }

    @Override
    public void flush(FlushReason reason) {
        bucket.flush(reason);
    }

    @Override
    public List<I> discardStale() {
        return bucket.discard(t -> !t.inbound.isCurrent()).stream().map(t -> t.inbound).toList();
    }

    @Override
    public boolean drain(Duration budget) {
        bucket.close(FlushReason.SHUTDOWN);
        route.delayed().releaseAll();
        TaskRunner.Stopped stopped = runner.stop(budget, INTERRUPT_GRACE);
        if (!stopped.idle()) {
            LOG.warn("route '{}': {} batches did not finish within the shutdown budget of {}; their messages were requeued"
                    + " and {} running handlers interrupted", route.name(), stopped.abandoned(), budget, stopped.interrupted());
        }
        stopped.ignoringInterrupt().forEach(t -> LOG.warn("route '{}': handler thread {} ignores the interrupt; "
                + "leaving it behind", route.name(), t));
        route.delayed().releaseAll();
        return stopped.idle();
    }

    @Override
    public int waiting() {
        return bucket.size();
    }

    @Override
    public int batchesInFlight() {
        return runner.size();
    }

    @Override
    public RouteMetrics metrics() {
        return route.metrics();
    }
}
