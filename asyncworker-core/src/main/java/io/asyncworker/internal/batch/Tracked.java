package io.asyncworker.internal.batch;

import io.asyncworker.Action;
import io.asyncworker.BodyCodec;
import io.asyncworker.DecodeException;
import io.asyncworker.spi.Inbound;
import io.asyncworker.spi.MessageControl;
import java.util.Optional;

/**
 * The pipeline's state of one message: its inbound form, the handler's decision until the batch is
 * sealed, and the decoded body. Thread-safe: the handler decides from any thread while the pipeline
 * seals.
 */
final class Tracked<I extends Inbound> implements MessageControl {
    final I inbound;
    private final BodyCodec codec;
    private Action decision;
    private boolean sealed;
    private volatile Object decoded;

    Tracked(I inbound, BodyCodec codec) {
        this.inbound = inbound;
        this.codec = codec;
    }

    @Override
    public synchronized void accept() {
        decide(Action.ACK);
    }

    @Override
    public synchronized void reject(boolean requeue) {
        decide(requeue ? Action.REQUEUE : Action.REJECT);
    }

    private void decide(Action action) {
        if (sealed) {
            throw new IllegalStateException("message already settled as " + decision + "; decide before the handler returns");
        }
        decision = action;
    }

    @Override
    public synchronized Optional<Action> decision() {
        return Optional.ofNullable(decision);
    }

    /** Freezes the decision as the action carried out; later decisions throw. */
    synchronized void seal(Action finalAction) {
        sealed = true;
        decision = finalAction;
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
