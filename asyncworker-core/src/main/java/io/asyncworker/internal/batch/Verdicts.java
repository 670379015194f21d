package io.asyncworker.internal.batch;

import io.asyncworker.BatchOptions;
import io.asyncworker.RetryPolicy;
import io.asyncworker.spi.Verdict;
import io.asyncworker.spi.Verdict.Failure;
import java.time.Duration;
import java.util.Optional;

/**
 * The outcome rule with retries (SPEC §4, §14) as a pure function: the verdict of one handled
 * message from the handler's decision, the batch's failure, the message's attempt and the route's
 * options, before the delivery limit applies to a REQUEUE.
 */
final class Verdicts {
    /** The failure of a message the handler asked to retry while its batch succeeded. */
    static final Failure RETRY_REQUESTED = new Failure("retry requested by the handler", "");
    /** The failure type of a message the handler parked; its message is the handler's reason. */
    static final String PARKED_BY_HANDLER = "parked by the handler";

    private Verdicts() {
    }

    /**
     * @param intent     the handler's decision, {@code null} for none
     * @param parkReason the reason given to {@code park}, for the PARK intent
     * @param failure    what the handler threw, {@code null} when it returned normally
     * @param attempt    the message's attempt, from 1
     */
    static Verdict of(Intent intent, String parkReason, Throwable failure, int attempt, BatchOptions options) {
        if (intent == null) {
            if (failure == null) {
                return Verdict.of(options.onSuccess());
            }
            return options.retry().map(p -> retryOrPark(p, attempt, Failure.of(failure), p.retries(failure)))
                    .orElse(Verdict.of(options.onException()));
        }
        return switch (intent) {
            case ACK -> Verdict.ACK;
            case REJECT -> Verdict.REJECT;
            case REQUEUE -> Verdict.REQUEUE;
            case RETRY -> retryOrPark(options.retry().orElseThrow(), attempt,
                    failure == null ? RETRY_REQUESTED : Failure.of(failure), true);
            case PARK -> Verdict.park(Math.max(1, attempt), new Failure(PARKED_BY_HANDLER, parkReason));
        };
    }

    /** A retry with the policy's delay while attempts remain and the failure is worth one, else PARK. */
    static Verdict retryOrPark(RetryPolicy policy, int attempt, Failure failure, boolean retryable) {
        int made = Math.max(1, attempt);
        Optional<Duration> delay = retryable ? policy.delayAfter(made) : Optional.empty();
        return delay.map(d -> Verdict.retry(d, made + 1, failure)).orElseGet(() -> Verdict.park(made, failure));
    }
}
