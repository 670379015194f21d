package io.asyncworker.internal.batch;

import io.asyncworker.Action;
import io.asyncworker.AsyncBatchHandler;
import io.asyncworker.BatchOptions;
import io.asyncworker.Message;
import io.asyncworker.spi.AbstractMessage;
import io.asyncworker.spi.Outcomes;
import io.asyncworker.spi.RouteMetrics;
import io.asyncworker.spi.Settler;
import io.asyncworker.spi.TimerService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One batch on its way through the handler to its settlement, settled exactly once. */
final class PipelineBatch<M extends Message> implements BatchExecutor.Job {
    private static final Logger LOG = LoggerFactory.getLogger(PipelineBatch.class);

    /** What every batch of one route shares. */
    record Route<M>(String name, BatchOptions options, AsyncBatchHandler<M> handler, Settler<M> settler,
                    RouteMetrics metrics, TimerService timer) {
    }

    private final Route<M> route;
    private final List<M> messages;
    private final AtomicBoolean settled = new AtomicBoolean();

    PipelineBatch(Route<M> route, List<M> messages) {
        this.route = route;
        this.messages = messages;
    }

    @Override
    public void run() {
        long start = route.timer().nanoTime();
        Throwable failure = invokeHandler();
        route.metrics().handlerDone(Duration.ofNanos(route.timer().nanoTime() - start), failure == null);
        if (failure != null) {
            LOG.error("route '{}': handler failed on a batch of {} messages; undecided messages get {}",
                    route.name(), messages.size(), route.options().onException(), failure);
        }
        List<Action> actions = new ArrayList<>(messages.size());
        for (M m : messages) {
            actions.add(Outcomes.decide(m.decision(), failure != null, route.options()));
        }
        settle(actions);
    }

    private Throwable invokeHandler() {
        route.metrics().inflight().incrementAndGet();
        try {
            CompletionStage<?> stage = route.handler().handle(Collections.unmodifiableList(messages));
            if (stage != null) {
                stage.toCompletableFuture().get();
            }
            return null;
        } catch (ExecutionException e) {
            return e.getCause() == null ? e : e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e;
        } catch (Exception | Error e) {
            return e;
        } finally {
            route.metrics().inflight().decrementAndGet();
        }
    }

    @Override
    public void abandon() {
        if (!settled.get()) {
            LOG.warn("route '{}': requeueing a batch of {} messages that did not finish before the shutdown budget",
                    route.name(), messages.size());
        }
        settle(Collections.nCopies(messages.size(), Action.REQUEUE));
    }

    private void settle(List<Action> actions) {
        if (!settled.compareAndSet(false, true)) {
            return;
        }
        for (int i = 0; i < messages.size(); i++) {
            if (messages.get(i) instanceof AbstractMessage m) {
                m.seal(actions.get(i));
            }
        }
        try {
            route.settler().settle(messages, actions);
        } catch (RuntimeException e) {
            LOG.error("route '{}': settling a batch of {} messages failed", route.name(), messages.size(), e);
        }
    }
}
