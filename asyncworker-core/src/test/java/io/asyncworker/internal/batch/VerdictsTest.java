package io.asyncworker.internal.batch;

import static org.assertj.core.api.Assertions.assertThat;

import io.asyncworker.Action;
import io.asyncworker.BatchOptions;
import io.asyncworker.RetryPolicy;
import io.asyncworker.spi.Verdict;
import io.asyncworker.spi.Verdict.Failure;
import io.asyncworker.spi.Verdict.Kind;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class VerdictsTest {
    private static final BatchOptions PLAIN = BatchOptions.builder().onException(Action.REJECT).build();
    private static final BatchOptions RETRYING = BatchOptions.builder().retry(RetryPolicy.builder().maxAttempts(3)
            .backoff(Duration.ofSeconds(2), Duration.ofMinutes(1)).parkOn(IllegalArgumentException.class).build()).build();
    private static final IllegalStateException BOOM = new IllegalStateException("boom");

    @Test
    void withoutAPolicyUndecidedMessagesGetOnSuccessOrOnException() {
        assertThat(Verdicts.of(null, null, null, 1, PLAIN)).isSameAs(Verdict.ACK);
        assertThat(Verdicts.of(null, null, BOOM, 1, PLAIN)).isSameAs(Verdict.REJECT);
        assertThat(Verdicts.of(null, null, BOOM, 7, BatchOptions.defaults())).isSameAs(Verdict.REQUEUE);
    }

    @Test
    void withAPolicyAFailedMessageIsRetriedWithTheDelayWhileAttemptsRemainThenParked() {
        Verdict first = Verdicts.of(null, null, BOOM, 1, RETRYING);
        assertThat(first.kind()).isEqualTo(Kind.RETRY);
        assertThat(first.delay()).isEqualTo(Duration.ofSeconds(2));
        assertThat(first.attempt()).isEqualTo(2);
        assertThat(first.failure()).contains(new Failure("java.lang.IllegalStateException", "boom"));
        Verdict second = Verdicts.of(null, null, BOOM, 2, RETRYING);
        assertThat(second.delay()).isEqualTo(Duration.ofSeconds(4));
        assertThat(second.attempt()).isEqualTo(3);
        Verdict last = Verdicts.of(null, null, BOOM, 3, RETRYING);
        assertThat(last.kind()).isEqualTo(Kind.PARK);
        assertThat(last.attempt()).as("attempts made").isEqualTo(3);
        assertThat(last.failure()).contains(new Failure("java.lang.IllegalStateException", "boom"));
    }

    @Test
    void aParkOnFailureIsParkedAtItsFirstAttempt() {
        Verdict v = Verdicts.of(null, null, new IllegalArgumentException("bad id"), 1, RETRYING);
        assertThat(v.kind()).isEqualTo(Kind.PARK);
        assertThat(v.attempt()).isEqualTo(1);
    }

    @Test
    void theHandlersOwnDecisionWinsOverThePolicy() {
        assertThat(Verdicts.of(Intent.ACK, null, BOOM, 1, RETRYING)).isSameAs(Verdict.ACK);
        assertThat(Verdicts.of(Intent.REQUEUE, null, BOOM, 1, RETRYING)).isSameAs(Verdict.REQUEUE);
        assertThat(Verdicts.of(Intent.REJECT, null, null, 1, RETRYING)).isSameAs(Verdict.REJECT);
    }

    @Test
    void retryAfterASuccessIsRetriedAndNamesTheHandlerThenParkedWhenNoAttemptRemains() {
        Verdict v = Verdicts.of(Intent.RETRY, null, null, 1, RETRYING);
        assertThat(v.kind()).isEqualTo(Kind.RETRY);
        assertThat(v.failure()).contains(Verdicts.RETRY_REQUESTED);
        assertThat(Verdicts.of(Intent.RETRY, null, null, 3, RETRYING).kind()).isEqualTo(Kind.PARK);
        assertThat(Verdicts.of(Intent.RETRY, null, new IllegalArgumentException("x"), 1, RETRYING).kind())
                .as("an explicit retry retries even a parkOn failure").isEqualTo(Kind.RETRY);
    }

    @Test
    void parkParksAtOnceWithTheHandlersReason() {
        Verdict v = Verdicts.of(Intent.PARK, "customer 17 is unknown", null, 2, RETRYING);
        assertThat(v.kind()).isEqualTo(Kind.PARK);
        assertThat(v.attempt()).isEqualTo(2);
        assertThat(v.failure()).contains(new Failure(Verdicts.PARKED_BY_HANDLER, "customer 17 is unknown"));
    }

    @Test
    void anAttemptBelowOneCountsAsTheFirst() {
        assertThat(Verdicts.of(null, null, BOOM, 0, RETRYING).attempt()).isEqualTo(2);
    }
}
