package io.asyncworker;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Handles one batch of messages with non-blocking code: the batch is done when the returned
 * stage completes.
 *
 * <p>Called on a virtual thread like {@link BatchHandler}. A stage completed exceptionally counts
 * as a thrown exception.
 *
 * @param <M> the backend's message type
 */
@FunctionalInterface
public interface AsyncBatchHandler<M> {

    /**
     * Starts processing the batch.
     *
     * @param batch the messages, never empty
     * @return a stage that completes when the batch is processed
     * @throws Exception to fail the batch at once
     */
    CompletionStage<?> handle(List<M> batch) throws Exception;

    /**
     * Adapts a blocking handler.
     *
     * @param <M> the message type
     * @param handler the handler
     * @return an asynchronous handler running the blocking one on the calling (virtual) thread
     */
    static <M> AsyncBatchHandler<M> of(BatchHandler<M> handler) {
        Objects.requireNonNull(handler, "handler");
        return batch -> {
            handler.handle(batch);
            return CompletableFuture.completedFuture(null);
        };
    }
}
