package io.asyncworker.spi;

import java.util.Map;
import java.util.Optional;

/**
 * A message as a backend hands it to a {@link BatchPipeline}: what the core needs to decode it,
 * count it, decide it and know whether it can still be settled. The backend's own message class
 * implements it (often together with its user-facing message interface).
 *
 * <p>Implementations are immutable apart from {@link #isCurrent()}, which may turn false at any
 * time from any thread (its channel died, its stream was reopened); all methods are called from
 * any thread and must not block.
 */
public interface Inbound {

    /** {@return the body as bytes; called only when the body is decoded} */
    byte[] payload();

    /** {@return the message's headers (e.g. AMQP headers); empty when the source has none} */
    default Map<String, Object> headers() {
        return Map.of();
    }

    /**
     * How many times this message has been delivered, this time included (at least 1).
     *
     * @return the delivery count, at least 1
     */
    long deliveryCount();

    /**
     * Which attempt of a retried message this is, from 1 (SPEC §14): for a route with a
     * {@link io.asyncworker.RetryPolicy}, the pipeline retries a failed message while this is below
     * the policy's {@code maxAttempts}, then parks it. A backend that carries retries out of process
     * (e.g. in a header of the republished message) reads it back here; by default every message is
     * a first attempt.
     *
     * @return the attempt, at least 1
     */
    default int attempt() {
        return 1;
    }

    /**
     * Whether the channel or stream it came on is still current, so that its outcome can still be
     * carried out. A message that is not current is never shown to the handler; the pipeline hands
     * it to the sink as {@code REQUEUE} (the source delivers it again) without counting it as settled.
     *
     * @return whether the message's outcome can still be carried out
     */
    boolean isCurrent();

    /** {@return the queue or stream it came from: the {@code queue} tag of the route's meters} */
    String source();

    /** {@return an id for logs, e.g. the message id or the event id; empty when it has none} */
    default Optional<String> id() {
        return Optional.empty();
    }
}
