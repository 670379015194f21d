package io.asyncworker.spi;

import java.util.List;

/**
 * A backend's way to carry out the verdicts of a batch: acks and rejects on a channel, advancing a
 * stream's resume point, republishing to a delay queue.
 *
 * <p>{@link #settle} is called exactly once for every message the backend added to the pipeline,
 * in batches keeping the source's order, on the handler's virtual thread — or on the thread that
 * added the message (when the pipeline is closed), or on the stopping thread (then every verdict is
 * {@code REQUEUE}). Calls for different batches may overlap; must not throw for one message's sake.
 *
 * @param <I> the backend's inbound message type
 */
@FunctionalInterface
public interface SettleSink<I extends Inbound> {

    /**
     * Settles a batch. A message that is no longer {@linkplain Inbound#isCurrent() current} gets
     * {@code REQUEUE}; a backend whose channel died simply ignores it.
     *
     * @param batch    the messages, in source order
     * @param verdicts the verdict for each message, same order
     */
    void settle(List<I> batch, List<Verdict> verdicts);

    /**
     * Told, on the handler's thread, which messages are about to reach the handler (after stale and
     * undecodable ones were taken out); by default nothing happens.
     *
     * @param batch the messages about to be handled, in order
     */
    default void handing(List<I> batch) {
    }
}
