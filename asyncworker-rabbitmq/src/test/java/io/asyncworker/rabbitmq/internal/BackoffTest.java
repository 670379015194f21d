package io.asyncworker.rabbitmq.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {
    private final Backoff first = Backoff.of(Duration.ofMillis(100), Duration.ofSeconds(1));

    @Test
    void baseDelayDoublesPerAttemptUpToTheMax() {
        assertThat(first.base()).isEqualTo(Duration.ofMillis(100));
        assertThat(first.next().base()).isEqualTo(Duration.ofMillis(200));
        assertThat(first.next().next().next().base()).isEqualTo(Duration.ofMillis(800));
        assertThat(first.next().next().next().next().base()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void jitterTakesOffUpToHalfOfTheBase() {
        Backoff b = first.next();
        assertThat(b.delay(0)).isEqualTo(Duration.ofMillis(200));
        assertThat(b.delay(0.5)).isEqualTo(Duration.ofMillis(150));
        assertThat(b.delay(0.999_999)).isBetween(Duration.ofMillis(100), Duration.ofMillis(101));
    }

    @Test
    void isAnImmutableValue() {
        Backoff later = first.next().next();
        assertThat(first.attempt()).isZero();
        assertThat(later.attempt()).isEqualTo(2);
        assertThat(later.reset()).isEqualTo(first);
    }

    @Test
    void manyAttemptsNeverOverflow() {
        Backoff b = first;
        for (int i = 0; i < 200; i++) {
            b = b.next();
        }
        assertThat(b.base()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void rejectsRandomOutsideTheUnitInterval() {
        assertThatThrownBy(() -> first.delay(1.0)).isInstanceOf(IllegalArgumentException.class);
    }
}
