package io.asyncworker.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class LogLimiterTest {
    private final ManualTimerService timer = new ManualTimerService();
    private final LogLimiter limiter = LogLimiter.every(Duration.ofSeconds(1), timer);

    @Test
    void letsOneLineThroughPerWindowAndReportsHowManyItHeldBack() {
        assertThat(limiter.tryAcquire()).hasValue(0);
        for (int i = 0; i < 9_999; i++) {
            assertThat(limiter.tryAcquire()).isEmpty();
        }
        timer.advance(Duration.ofMillis(999));
        assertThat(limiter.tryAcquire()).isEmpty();
        timer.advance(Duration.ofMillis(1));
        assertThat(limiter.tryAcquire()).isEqualTo(OptionalLong.of(10_000));
        assertThat(LogLimiter.heldBack(10_000)).contains("10000 similar messages held back");
        assertThat(LogLimiter.heldBack(0)).isEmpty();
    }

    @Test
    void theWindowStartsAtTheLineLetThrough() {
        limiter.tryAcquire();
        timer.advance(Duration.ofMillis(999));
        assertThat(limiter.tryAcquire()).isEmpty();
        timer.advance(Duration.ofMillis(1));
        assertThat(limiter.tryAcquire()).hasValue(1);
        timer.advance(Duration.ofMillis(1_500));
        assertThat(limiter.tryAcquire()).hasValue(0);
    }

    @Test
    void oneKeyNeverHidesAnothersLines() {
        assertThat(limiter.tryAcquire("a")).hasValue(0);
        assertThat(limiter.tryAcquire("b")).hasValue(0);
        assertThat(limiter.tryAcquire("a")).isEmpty();
        timer.advance(Duration.ofSeconds(1));
        assertThat(limiter.tryAcquire("a")).hasValue(1);
    }
}
