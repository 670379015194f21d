package io.asyncworker.scheduler.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.asyncworker.scheduler.internal.Trigger.NextFire;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FixedRateTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private final FixedRate rate = new FixedRate(Duration.ofSeconds(10));

    @Test
    void nextDueIsPreviousDuePlusPeriodWhateverTheLateness() {
        assertThat(rate.next(T0, T0.plusSeconds(7))).contains(new NextFire(T0.plusSeconds(10), 0));
        assertThat(rate.next(T0, T0.plusSeconds(10))).contains(new NextFire(T0.plusSeconds(10), 0));
    }

    @Test
    void realignsToTheGridInsteadOfFiringABurstAfterAStall() {
        // fired at 35 s for the run due at 0: 10, 20 and 30 passed; 40 is next
        assertThat(rate.next(T0, T0.plusSeconds(35))).contains(new NextFire(T0.plusSeconds(40), 3));
    }

    @Test
    void aGridPointDueExactlyNowIsKept() {
        assertThat(rate.next(T0, T0.plusSeconds(30))).contains(new NextFire(T0.plusSeconds(30), 2));
    }

    @Test
    void firstRunIsAtTheGivenInstant() {
        assertThat(rate.firstAtOrAfter(T0)).contains(T0);
        assertThat(rate.defaultInitialDelay()).isEqualTo(Duration.ofSeconds(10));
        assertThat(rate.fromCompletion()).isFalse();
    }

    @Test
    void fixedDelayTimesTheNextRunFromTheEndOfThePrevious() {
        FixedDelay delay = new FixedDelay(Duration.ofSeconds(10));
        assertThat(delay.next(T0, T0.plusSeconds(25))).contains(new NextFire(T0.plusSeconds(35), 0));
        assertThat(delay.fromCompletion()).isTrue();
    }
}
