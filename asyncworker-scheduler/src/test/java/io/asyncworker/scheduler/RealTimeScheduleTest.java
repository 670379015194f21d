package io.asyncworker.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import io.asyncworker.App;
import io.asyncworker.Settings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The whole wiring on the system timer: service loading, real timer, virtual threads, metrics. */
class RealTimeScheduleTest {

    @Test
    void aHundredMillisecondScheduleRunsOnItsGridInRealTime() throws Exception {
        List<Instant> due = new CopyOnWriteArrayList<>();
        List<Boolean> virtual = new CopyOnWriteArrayList<>();
        CountDownLatch threeRuns = new CountDownLatch(3);
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        try (App app = App.create(Settings.from(Map.of(Settings.SHUTDOWN_TIMEOUT.name(), "2s")))) {
            app.meters().add(meters);
            app.route(Schedule.every(Duration.ofMillis(100)).name("tick").handler(ctx -> {
                due.add(ctx.scheduledTime());
                virtual.add(Thread.currentThread().isVirtual());
                threeRuns.countDown();
            }));
            app.start();
            assertThat(threeRuns.await(5, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(Duration.between(due.get(0), due.get(1))).isEqualTo(Duration.ofMillis(100));
        assertThat(Duration.between(due.get(1), due.get(2))).isEqualTo(Duration.ofMillis(100));
        assertThat(virtual).containsOnly(true);
        assertThat(meters.get("asyncworker.schedule.lateness").tag("schedule", "tick").timer().count())
                .isGreaterThanOrEqualTo(3);
        assertThat(meters.get("asyncworker.schedule.runs").tag("schedule", "tick").tag("result", "success")
                .counter().count()).isGreaterThanOrEqualTo(3.0);
    }
}
