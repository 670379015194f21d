package io.asyncworker.spi;

import io.asyncworker.Action;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What the pipeline decided for one message, for the backend's {@link SettleSink} to carry out:
 * {@link Kind#ACK}, {@link Kind#REJECT} (drop or dead-letter), {@link Kind#REQUEUE} (deliver again
 * now), {@link Kind#RETRY} (deliver again after {@link #delay()}, as attempt {@link #attempt()}) or
 * {@link Kind#PARK} (set aside with the failure, for a person to look at). A backend that cannot
 * delay or park carries out {@link #action()}, the plain action each kind falls back to.
 *
 * <p>Immutable; the three plain verdicts are shared constants.
 */
public final class Verdict {
    /** The kind of a verdict. */
    public enum Kind {
        /** Acknowledge: processed. */
        ACK,
        /** Reject without requeue: dropped, or dead-lettered where the source has a dead-letter target. */
        REJECT,
        /** Requeue at once: delivered again. */
        REQUEUE,
        /** Deliver again after {@link #delay()}, as attempt {@link #attempt()}. */
        RETRY,
        /** Set aside with the failure, for a person to look at. */
        PARK
    }

    /** Acknowledge: processed. */
    public static final Verdict ACK = new Verdict(Kind.ACK, Duration.ZERO, 0, null);
    /** Reject without requeue. */
    public static final Verdict REJECT = new Verdict(Kind.REJECT, Duration.ZERO, 0, null);
    /** Requeue at once. */
    public static final Verdict REQUEUE = new Verdict(Kind.REQUEUE, Duration.ZERO, 0, null);

    private final Kind kind;
    private final Duration delay;
    private final int attempt;
    private final Failure failure;

    private Verdict(Kind kind, Duration delay, int attempt, Failure failure) {
        this.kind = kind;
        this.delay = delay;
        this.attempt = attempt;
        this.failure = failure;
    }

    /**
     * The verdict for a plain action.
     *
     * @param action the action
     * @return the shared verdict of that kind
     */
    public static Verdict of(Action action) {
        return switch (Objects.requireNonNull(action, "action")) {
            case ACK -> ACK;
            case REJECT -> REJECT;
            case REQUEUE -> REQUEUE;
        };
    }

    /**
     * Deliver again after a delay.
     *
     * @param attempt the attempt the next delivery will be, at least 2
     * @param delay how long to wait before the next delivery, not negative
     * @param failure why the message failed
     * @return a {@link Kind#RETRY} verdict
     * @throws IllegalArgumentException when the delay is negative or the attempt below 2
     */
    public static Verdict retry(Duration delay, int attempt, Failure failure) {
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative() || attempt < 2) {
            throw new IllegalArgumentException("retry needs a delay >= 0 and an attempt >= 2, got " + delay + ", " + attempt);
        }
        return new Verdict(Kind.RETRY, delay, attempt, failure);
    }

    /**
     * Set the message aside after {@code attempts} attempts.
     *
     * @param attempts how many attempts were made
     * @param failure why the message failed
     * @return a {@link Kind#PARK} verdict
     */
    public static Verdict park(int attempts, Failure failure) {
        return new Verdict(Kind.PARK, Duration.ZERO, attempts, Objects.requireNonNull(failure, "failure"));
    }

    /** {@return the verdict's kind: what to do} */
    public Kind kind() {
        return kind;
    }

    /** {@return the plain action this verdict falls back to: RETRY is REQUEUE, PARK is REJECT} */
    public Action action() {
        return switch (kind) {
            case ACK -> Action.ACK;
            case REJECT, PARK -> Action.REJECT;
            case REQUEUE, RETRY -> Action.REQUEUE;
        };
    }

    /**
     * For RETRY: how long to wait before delivering again; zero otherwise.
     *
     * @return the delay; zero for other kinds
     */
    public Duration delay() {
        return delay;
    }

    /**
     * For RETRY the next attempt's number, for PARK how many attempts were made; 0 otherwise.
     *
     * @return the attempt number or count; 0 for other kinds
     */
    public int attempt() {
        return attempt;
    }

    /**
     * For RETRY and PARK: why, when known.
     *
     * @return the failure, or empty
     */
    public Optional<Failure> failure() {
        return Optional.ofNullable(failure);
    }

    @Override
    public String toString() {
        return kind == Kind.RETRY ? "RETRY(attempt " + attempt + " in " + delay + ")"
                : kind == Kind.PARK ? "PARK(after " + attempt + " attempts)" : kind.name();
    }

    /**
     * Why a message failed, as it may be written into headers and logs.
     *
     * @param type    the exception's class name, or a reason such as {@code parked by the handler}
     * @param message the exception's message, bounded in length
     */
    public record Failure(String type, String message) {
        /** The longest message kept. */
        public static final int MAX_MESSAGE = 512;

        /** Bounds the message to {@link #MAX_MESSAGE} chars and an ellipsis, never splitting a surrogate pair. */
        public Failure {
            Objects.requireNonNull(type, "type");
            message = message == null ? "" : bounded(message);
        }

        private static String bounded(String message) {
            if (message.length() <= MAX_MESSAGE) {
                return message;
            }
            int end = Character.isHighSurrogate(message.charAt(MAX_MESSAGE - 1)) ? MAX_MESSAGE - 1 : MAX_MESSAGE;
            return message.substring(0, end) + "…";
        }

        /**
         * The failure of an exception.
         *
         * @param t the exception
         * @return its class name and message
         */
        public static Failure of(Throwable t) {
            return new Failure(t.getClass().getName(), t.getMessage());
        }
    }
}
