package io.asyncworker.sse.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.asyncworker.spi.ManualTimerService;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class WarnLimiterTest {
    private final ManualTimerService timer = new ManualTimerService();
    private final WarnLimiter limiter = new WarnLimiter(timer, Duration.ofSeconds(10));

    @Test
    void letsOneWarningThroughPerWindowAndCountsTheRest() {
        assertThat(limiter.admit()).isZero();
        for (int i = 0; i < 529; i++) {
            timer.advance(Duration.ofMillis(2));
            assertThat(limiter.admit()).isEqualTo(-1);
        }
        timer.advance(Duration.ofSeconds(10));
        assertThat(limiter.admit()).isEqualTo(529);
        timer.advance(Duration.ofSeconds(11));
        assertThat(limiter.admit()).isZero();
    }

    @Test
    void theWindowStartsAtTheWarningLetThrough() {
        limiter.admit();
        timer.advance(Duration.ofMillis(9_999));
        assertThat(limiter.admit()).isEqualTo(-1);
        timer.advance(Duration.ofMillis(1));
        assertThat(limiter.admit()).isEqualTo(1);
    }
}
