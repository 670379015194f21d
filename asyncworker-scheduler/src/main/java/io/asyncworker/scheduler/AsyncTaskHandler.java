package io.asyncworker.scheduler;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A recurring task's non-blocking code: the run lasts until the returned stage completes, and
 * holds one of the schedule's {@code maxConcurrency} slots until then.
 *
 * <p>Called on a fresh virtual thread per run, like {@link TaskHandler}. A stage completed
 * exceptionally counts as a failed run. A run that outlives the shutdown budget at stop has its
 * stage cancelled (best effort).
 */
@FunctionalInterface
public interface AsyncTaskHandler {

    /**
     * Starts the task.
     *
     * @param ctx the run's app, scheduled time and number
     * @return a stage that completes when the run is done
     * @throws Exception to fail this run at once
     */
    CompletionStage<?> run(TaskContext ctx) throws Exception;

    /**
     * Adapts a blocking handler.
     *
     * @param handler the handler
     * @return an asynchronous handler completed with what the blocking one returns or throws
     */
    static AsyncTaskHandler of(TaskHandler handler) {
        Objects.requireNonNull(handler, "handler");
        return ctx -> {
            handler.run(ctx);
            return CompletableFuture.completedFuture(null);
        };
    }
}
