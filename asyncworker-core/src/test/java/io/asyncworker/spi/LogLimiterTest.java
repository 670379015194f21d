package io.asyncworker.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class LogLimiterTest {
    private final ManualTimerService timer = new ManualTimerService();
    private final LogLimiter limiter = LogLimiter.every(Duration.ofSeconds(10), timer);

    @Test
    void oneLinePerKeyPerWindowCountingTheOnesHeldBack() {
        assertThat(limiter.tryAcquire("a")).hasValue(0);
        assertThat(limiter.tryAcquire("a")).isEmpty();
        assertThat(limiter.tryAcquire("a")).isEmpty();
        timer.advance(Duration.ofSeconds(10));
        assertThat(limiter.tryAcquire("a")).hasValue(2);
    }

    @Test
    void oneKeyNeverHidesAnothersLines() {
        assertThat(limiter.tryAcquire("a")).hasValue(0);
        assertThat(limiter.tryAcquire("b")).hasValue(0);
        assertThat(limiter.tryAcquire("a")).isEqualTo(OptionalLong.empty());
    }

    @Test
    void theSuffixNamesTheHeldBackCount() {
        assertThat(LogLimiter.heldBack(0)).isEmpty();
        assertThat(LogLimiter.heldBack(3)).contains("3 similar messages held back");
    }
}
