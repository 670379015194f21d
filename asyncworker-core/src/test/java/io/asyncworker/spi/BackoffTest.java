package io.asyncworker.spi;

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
    void jitterTakesAtMostItsFractionOff() {
        assertThat(initial.delay(0.0)).isEqualTo(Duration.ofSeconds(1));
        assertThat(initial.delay(0.5)).isEqualTo(Duration.ofMillis(750));
        assertThat(initial.withJitter(0.2).delay(0.5)).isEqualTo(Duration.ofMillis(900));
        assertThat(initial.withJitter(0).delay(0.99)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void aMultiplierOtherThanTwo() {
        Backoff b = initial.withMultiplier(3).next().next();
        assertThat(b.nominal()).isEqualTo(Duration.ofSeconds(9));
    }

    @Test
    void aNewFirstDelayReplacesTheBaseAndCanRaiseTheMaximum() {
        Backoff b = initial.next().next().withFirst(Duration.ofMillis(250));
        assertThat(b.reset().nominal()).isEqualTo(Duration.ofMillis(250));
        assertThat(b.nominal()).as("later attempts grow from the floor").isEqualTo(Duration.ofSeconds(4));
        assertThat(initial.withFirst(Duration.ofMinutes(2)).nominal()).isEqualTo(Duration.ofMinutes(2));
        assertThat(initial.withFirst(Duration.ofSeconds(3)).next().nominal()).isEqualTo(Duration.ofSeconds(6));
    }

    @Test
    void aFirstDelayBelowTheFloorIsHonouredOnlyForTheFirstAttemptInARow() {
        Backoff b = initial.withFirst(Duration.ofMillis(250));
        assertThat(b.nominal()).isEqualTo(Duration.ofMillis(250));
        assertThat(b.next().nominal()).isEqualTo(Duration.ofSeconds(2));
        assertThat(b.next().next().nominal()).isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void zeroFirstDelayIsOneMillisecondOnceThenGrowsFromTheFloor() {
        Backoff b = initial.withFirst(Duration.ZERO);
        assertThat(b.nominal()).isEqualTo(Duration.ofMillis(1));
        assertThat(b.next().nominal()).isEqualTo(Duration.ofSeconds(2));
        assertThat(b.next().next().nominal()).isEqualTo(Duration.ofSeconds(4));
        assertThat(b.next().next().reset().nominal()).isEqualTo(Duration.ofMillis(1));
    }

    @Test
    void hugeValuesSaturateInsteadOfOverflowing() {
        Backoff b = Backoff.of(Duration.ofSeconds(Long.MAX_VALUE), Duration.ofSeconds(Long.MAX_VALUE));
        for (int i = 0; i < 70; i++) {
            b = b.next();
        }
        assertThat(b.nominal()).isPositive();
    }

    @Test
    void badArgumentsAreRejected() {
        assertThatThrownBy(() -> initial.delay(1.0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> initial.withJitter(1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> initial.withMultiplier(0.5)).isInstanceOf(IllegalArgumentException.class);
    }
}
