package io.asyncworker.sse.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {
    private final Backoff initial = Backoff.of(Duration.ofSeconds(1), Duration.ofSeconds(30));

    @Test
    void doublesPerAttemptUpToTheMaximum() {
        Backoff b = initial;
        long[] expected = {1, 2, 4, 8, 16, 30, 30};
        for (long seconds : expected) {
            assertThat(b.nominal()).isEqualTo(Duration.ofSeconds(seconds));
            b = b.next();
        }
    }

    @Test
    void isAnImmutableValue() {
        Backoff next = initial.next();
        assertThat(initial.attempt()).isZero();
        assertThat(next.attempt()).isEqualTo(1);
        assertThat(next.reset()).isEqualTo(initial);
    }

    @Test
    void jitterTakesAtMostAFifthOff() {
        assertThat(initial.delay(0.0)).isEqualTo(Duration.ofSeconds(1));
        assertThat(initial.delay(0.5)).isEqualTo(Duration.ofMillis(900));
        assertThat(initial.delay(0.999999)).isGreaterThan(Duration.ofMillis(800));
    }

    @Test
    void serverRetryReplacesTheBaseAndCanRaiseTheMaximum() {
        Backoff b = initial.next().next().withRetry(Duration.ofMillis(250));
        assertThat(b.reset().nominal()).isEqualTo(Duration.ofMillis(250));
        assertThat(initial.withRetry(Duration.ofMinutes(2)).nominal()).isEqualTo(Duration.ofMinutes(2));
        assertThat(initial.withRetry(Duration.ofSeconds(3)).next().nominal()).isEqualTo(Duration.ofSeconds(6));
    }

    @Test
    void aRetryBelowTheFloorIsHonouredOnlyForTheFirstAttemptInARow() {
        Backoff b = initial.withRetry(Duration.ofMillis(250));
        assertThat(b.nominal()).isEqualTo(Duration.ofMillis(250));
        assertThat(b.next().nominal()).isEqualTo(Duration.ofSeconds(2));
        assertThat(b.next().next().nominal()).isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void zeroRetryIsOneMillisecondOnceThenGrowsFromTheFloor() {
        Backoff b = initial.withRetry(Duration.ZERO);
        assertThat(b.nominal()).isEqualTo(Duration.ofMillis(1));
        assertThat(b.next().nominal()).isEqualTo(Duration.ofSeconds(2));
        assertThat(b.next().next().nominal()).isEqualTo(Duration.ofSeconds(4));
        assertThat(b.next().next().reset().nominal()).isEqualTo(Duration.ofMillis(1));
    }

    @Test
    void neverOverflowsAfterManyAttempts() {
        Backoff b = initial;
        for (int i = 0; i < 200; i++) {
            b = b.next();
        }
        assertThat(b.nominal()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void rejectsNegativeValues() {
        assertThatThrownBy(() -> Backoff.of(Duration.ofSeconds(-1), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aHugeServerRetrySaturatesInsteadOfFailingTheStream() {
        Backoff b = Backoff.of(Duration.ofMillis(100), Duration.ofSeconds(30)).withRetry(Duration.ofMillis(Long.MAX_VALUE));
        assertThat(b.nominal()).isEqualTo(Duration.ofNanos(Long.MAX_VALUE));
        assertThat(b.next().delay(0.5)).isPositive();
    }
}
