package io.asyncworker.sse.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.asyncworker.spi.Backoff;
import io.asyncworker.spi.ManualTimerService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReconnectsTest {
    private final ManualTimerService timer = new ManualTimerService();
    private final Reconnects reconnects = new Reconnects(Backoff.of(Duration.ofSeconds(1), Duration.ofSeconds(30)).withJitter(0.2), timer);

    /** One connection that opens, delivers an event, lives {@code lived} and ends; the next delay. */
    private Duration connectionThatLived(Duration lived) {
        reconnects.opened();
        reconnects.delivered();
        timer.advance(lived);
        return reconnects.afterLoss(true, 0.0);
    }

    @Test
    void connectionsEndingAtOnceAfterAnEventBackOffEvenWithRetryZero() {
        reconnects.retry(Duration.ZERO);
        List<Duration> delays = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            delays.add(connectionThatLived(Duration.ofMillis(5)));
        }
        assertThat(delays).containsExactly(Duration.ofMillis(1), Duration.ofSeconds(2), Duration.ofSeconds(4),
                Duration.ofSeconds(8), Duration.ofSeconds(16), Duration.ofSeconds(30), Duration.ofSeconds(30));
    }

    @Test
    void aConnectionThatStayedOpenAndDeliveredStartsTheBackoffOver() {
        reconnects.retry(Duration.ZERO);
        connectionThatLived(Duration.ZERO);
        connectionThatLived(Duration.ZERO);
        assertThat(connectionThatLived(Reconnects.STABLE_AFTER)).isEqualTo(Duration.ofMillis(1));
        assertThat(connectionThatLived(Duration.ofMillis(999))).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void aLongConnectionWithoutAnyEventIsNoSuccess() {
        reconnects.opened();
        timer.advance(Duration.ofMinutes(5));
        reconnects.afterLoss(true, 0.0);
        reconnects.opened();
        timer.advance(Duration.ofMinutes(5));
        assertThat(reconnects.afterLoss(true, 0.0)).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void aLossThatWillRepeatNeverStartsTheBackoffOver() {
        connectionThatLived(Duration.ofMinutes(1));
        reconnects.opened();
        reconnects.delivered();
        timer.advance(Duration.ofMinutes(1));
        assertThat(reconnects.afterLoss(false, 0.0)).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void failedAttemptsThatNeverOpenedGrow() {
        assertThat(reconnects.afterLoss(true, 0.0)).isEqualTo(Duration.ofSeconds(1));
        assertThat(reconnects.afterLoss(true, 0.0)).isEqualTo(Duration.ofSeconds(2));
        assertThat(reconnects.afterLoss(true, 0.0)).isEqualTo(Duration.ofSeconds(4));
    }
}
