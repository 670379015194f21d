package io.asyncworker.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManualTimerServiceTest {
    private final ManualTimerService timer = new ManualTimerService();

    @Test
    void runsDueTasksInDueOrderIncludingOnesScheduledByARunningTask() {
        List<String> ran = new ArrayList<>();
        timer.schedule(Duration.ofSeconds(2), () -> ran.add("b"));
        timer.schedule(Duration.ofSeconds(1), () -> {
            ran.add("a");
            timer.schedule(Duration.ofMillis(500), () -> ran.add("a+0.5"));
        });
        timer.advance(Duration.ofSeconds(2));
        assertThat(ran).containsExactly("a", "a+0.5", "b");
        assertThat(timer.nanoTime()).isEqualTo(Duration.ofSeconds(2).toNanos());
    }

    @Test
    void aDelayTooLongToCountIsNeverDueInsteadOfOverflowingIntoThePast() {
        List<String> ran = new ArrayList<>();
        timer.advance(Duration.ofSeconds(1));
        timer.schedule(Duration.ofDays(365L * 1_000_000), () -> ran.add("never"));
        timer.schedule(Duration.ofSeconds(Long.MAX_VALUE), () -> ran.add("never either"));
        timer.advance(Duration.ofDays(365));
        assertThat(ran).isEmpty();
        assertThat(timer.pending()).isEqualTo(2);
    }

    @Test
    void cancelledTasksDoNotRun() {
        List<String> ran = new ArrayList<>();
        Cancellable c = timer.schedule(Duration.ofSeconds(1), () -> ran.add("x"));
        c.cancel();
        timer.advance(Duration.ofSeconds(5));
        assertThat(ran).isEmpty();
    }
}
