package io.asyncworker;

import java.util.List;

/**
 * Handles one batch of messages with plain blocking code.
 *
 * <p>Called on a virtual thread, never on an I/O thread; blocking is fine. The list is never
 * empty and keeps the source's order. Batches of one route may run concurrently up to the route's
 * {@code maxConcurrency}. Throwing applies the route's {@code onException} action to every
 * message without an explicit decision.
 *
 * @param <M> the backend's message type
 */
@FunctionalInterface
public interface BatchHandler<M> {

    /**
     * Processes the batch.
     *
     * @param batch the messages, never empty
     * @throws Exception to fail the batch
     */
    void handle(List<M> batch) throws Exception;
}
