package io.asyncworker.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.asyncworker.App;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ScheduledTasksTest {

    @Test
    void runsTheIntervalTaskAtStartAndAfterwardsAndTheCronTask() {
        try (Example example = new Example()) {
            example.set("EXAMPLE_INTERVAL", "PT0.1S").set("EXAMPLE_CRON", "* * * * * *");
            App app = example.start(ScheduledTasks::app);
            assertThat(app.routes()).extracting(r -> r.name()).containsExactly("heartbeat", "report");

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                assertThat(app.get(ScheduledTasks.HEARTBEATS).sum()).isGreaterThanOrEqualTo(3);
                assertThat(app.get(ScheduledTasks.REPORTS).sum()).isGreaterThanOrEqualTo(1);
            });
            app.stop();
            long after = app.get(ScheduledTasks.HEARTBEATS).sum();
            assertThat(app.isRunning()).isFalse();
            assertThat(app.get(ScheduledTasks.HEARTBEATS).sum()).isEqualTo(after);
        }
    }
}
