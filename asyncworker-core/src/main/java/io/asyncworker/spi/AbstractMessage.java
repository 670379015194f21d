package io.asyncworker.spi;

import io.asyncworker.Action;
import io.asyncworker.Message;
import java.util.Optional;

/**
 * The decision state that backends' message classes share: records {@link #accept()} and
 * {@link #reject(boolean)} until the batch is settled, then refuses further calls.
 *
 * <p>Thread-safe: the handler may decide from any thread while the pipeline seals.
 */
public abstract class AbstractMessage implements Message {
    private Action decision;
    private boolean sealed;

    /** For a backend's message class; no decision is made yet. */
    protected AbstractMessage() {
    }

    @Override
    public final synchronized void accept() {
        decide(Action.ACK);
    }

    @Override
    public final synchronized void reject(boolean requeue) {
        decide(requeue ? Action.REQUEUE : Action.REJECT);
    }

    private void decide(Action action) {
        if (sealed) {
            throw new IllegalStateException("message already settled as " + decision + "; decide before the handler returns");
        }
        decision = action;
    }

    @Override
    public final synchronized Optional<Action> decision() {
        return Optional.ofNullable(decision);
    }

    /**
     * Freezes the decision as the final action; later decisions throw. Called by the pipeline.
     *
     * @param finalAction the action the backend will carry out
     */
    public final synchronized void seal(Action finalAction) {
        sealed = true;
        decision = finalAction;
    }
}
