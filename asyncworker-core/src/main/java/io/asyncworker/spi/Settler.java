package io.asyncworker.spi;

import io.asyncworker.Action;
import java.util.List;

/**
 * A backend's way to carry out the actions decided for a batch: acks and rejects on a channel,
 * advancing an SSE stream's last finished id.
 *
 * <p>Called exactly once per batch, on the handler's virtual thread, or on the stopping thread for
 * batches that never ran or outlived the shutdown budget (then every action is
 * {@link Action#REQUEUE}). Calls for different batches may overlap.
 *
 * @param <M> the backend's message type
 */
@FunctionalInterface
public interface Settler<M> {

    /**
     * Settles a batch.
     *
     * @param batch   the messages, in source order
     * @param actions the action for each message, same order
     */
    void settle(List<M> batch, List<Action> actions);
}
