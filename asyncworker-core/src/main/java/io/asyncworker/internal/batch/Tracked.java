package io.asyncworker.internal.batch;

import io.asyncworker.Action;
import io.asyncworker.BodyCodec;
import io.asyncworker.DecodeException;
import io.asyncworker.spi.Inbound;
import io.asyncworker.spi.MessageControl;
import java.util.Objects;
import java.util.Optional;

/**
 * The pipeline's state of one message: its inbound form, the handler's decision until the batch is
 * sealed, and the decoded body. Thread-safe: the handler decides from any thread while the pipeline
 * seals.
 */
final class Tracked<I extends Inbound> implements MessageControl {
    final I inbound;
    private final BodyCodec codec;
    /** Whether the route has a retry policy, so that {@link #retry()} and {@link #park} mean something. */
    private final boolean retries;
    private Intent intent;
    private String parkReason;
    private Action sealedAs;
    private volatile Object decoded;

    Tracked(I inbound, BodyCodec codec, boolean retries) {
        this.inbound = inbound;
        this.codec = codec;
        this.retries = retries;
    }

    @Override
    public synchronized void accept() {
        decide(Intent.ACK);
    }

    @Override
    public synchronized void reject(boolean requeue) {
        decide(requeue ? Intent.REQUEUE : Intent.REJECT);
    }

    @Override
    public synchronized void retry() {
        requirePolicy("retry()");
        decide(Intent.RETRY);
    }

    @Override
    public synchronized void park(String reason) {
        Objects.requireNonNull(reason, "reason");
        requirePolicy("park(reason)");
        decide(Intent.PARK);
        parkReason = reason;
    }

    private void requirePolicy(String call) {
        if (!retries) {
            throw new IllegalStateException(call + " needs a retry policy on the route: .retry(RetryPolicy.builder()...build())");
        }
    }

    private void decide(Intent next) {
        if (sealedAs != null) {
            throw new IllegalStateException("message already settled as " + sealedAs + "; decide before the handler returns");
        }
        intent = next;
    }

    @Override
    public synchronized Optional<Action> decision() {
        return sealedAs != null ? Optional.of(sealedAs) : Optional.ofNullable(intent).map(Intent::action);
    }

    /** The handler's decision so far, {@code null} for none. */
    synchronized Intent intent() {
        return intent;
    }

    /** The reason given to {@link #park}, {@code null} unless the intent is PARK. */
    synchronized String parkReason() {
        return intent == Intent.PARK ? parkReason : null;
    }

    /** Freezes the decision as the action carried out; later decisions throw. */
    synchronized void seal(Action finalAction) {
        sealedAs = finalAction;
    }

    @Override
    public <T> T body(Class<T> type) {
        Object cached = decoded;
        if (type.isInstance(cached)) {
            return type.cast(cached);
        }
        if (codec == null) {
            throw new IllegalStateException("no codec to decode the body into " + type.getSimpleName());
        }
        T value = codec.decode(inbound.payload(), type);
        if (value != null) {
            decoded = value;
        }
        return value;
    }

    /**
     * Decodes the route's declared body type before the handler runs.
     *
     * @throws DecodeException when the body does not decode, or decodes to nothing (a JSON {@code null})
     */
    void decodeDeclared(Class<?> type) {
        if (body(type) == null) {
            throw new DecodeException("the body is null, not a " + type.getSimpleName(), null);
        }
    }
}
