package io.asyncworker.spi;

import io.asyncworker.Action;
import io.asyncworker.BatchOptions;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The outcome rule (SPEC §4) as pure functions: which {@link Action} a message gets once its
 * handler is done. Backends call these; tests cover every combination without a broker.
 */
public final class Outcomes {
    private Outcomes() {
    }

    /**
     * {@return the action for one message}
     *
     * @param explicit       the handler's decision for this message, if it made one
     * @param handlerFailed  whether the handler threw (or its stage failed)
     * @param onSuccess      the route's action for undecided messages after success
     * @param onException    the route's action for undecided messages after failure
     */
    public static Action decide(Optional<Action> explicit, boolean handlerFailed, Action onSuccess, Action onException) {
        Objects.requireNonNull(onSuccess, "onSuccess");
        Objects.requireNonNull(onException, "onException");
        return explicit.orElse(handlerFailed ? onException : onSuccess);
    }

    /**
     * {@return {@link #decide(Optional, boolean, Action, Action)} with a route's options}
     *
     * @param explicit the handler's decision for this message, if it made one
     * @param handlerFailed whether the handler threw
     * @param options the route's batch options
     */
    public static Action decide(Optional<Action> explicit, boolean handlerFailed, BatchOptions options) {
        return decide(explicit, handlerFailed, options.onSuccess(), options.onException());
    }

    /**
     * Turns a requeue into a reject once a message has been delivered {@code maxDeliveries}
     * times, so that a poison message cannot loop forever.
     *
     * @param action         the decided action
     * @param deliveryCount  how many times the message has been delivered, this time included
     * @param maxDeliveries  the route's limit, empty for none
     * @return {@code REJECT} instead of {@code REQUEUE} once the limit is reached, else the action
     */
    public static Action limitDeliveries(Action action, long deliveryCount, OptionalInt maxDeliveries) {
        if (action == Action.REQUEUE && maxDeliveries.isPresent() && deliveryCount >= maxDeliveries.getAsInt()) {
            return Action.REJECT;
        }
        return action;
    }

    /** The shortest wait before a message that came back is requeued again. */
    public static final Duration FIRST_REQUEUE_DELAY = Duration.ofMillis(100);
    /** The longest wait before a requeue: a poison message costs at most about one delivery a second. */
    public static final Duration MAX_REQUEUE_DELAY = Duration.ofSeconds(1);

    /**
     * How long a requeue of a handled message waits, so that a message failing again and again does
     * not loop hot: none for a first delivery, then 100 ms doubling
     * per delivery up to one second.
     *
     * @param deliveryCount how many times the message has been delivered, this time included
     * @return the delay; zero for a first delivery
     */
    public static Duration requeueDelay(long deliveryCount) {
        if (deliveryCount <= 1) {
            return Duration.ZERO;
        }
        int shift = (int) Math.min(deliveryCount - 2, 20);
        long millis = FIRST_REQUEUE_DELAY_MILLIS << shift;
        return millis >= MAX_REQUEUE_DELAY.toMillis() ? MAX_REQUEUE_DELAY : Duration.ofMillis(millis);
    }

    private static final long FIRST_REQUEUE_DELAY_MILLIS = 100;
}
