package io.asyncworker.scheduler;

import static org.awaitility.Awaitility.await;

import io.asyncworker.App;
import io.asyncworker.ComponentHealth;
import io.asyncworker.Route;
import io.asyncworker.Settings;
import io.asyncworker.spi.ManualTimerService;
import io.asyncworker.spi.TimerService;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionFactory;

/** A real app on a manual timer, with a meter registry and a log of the runs that started. */
final class Harness implements AutoCloseable {
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    final ManualTimerService manual;
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final App app;
    final List<TaskContext> started = new CopyOnWriteArrayList<>();

    Harness(Instant start, String shutdownTimeout) {
        this(new ManualTimerService(start), shutdownTimeout);
    }

    Harness(ManualTimerService manual, String shutdownTimeout) {
        this(manual, manual, shutdownTimeout);
    }

    Harness(ManualTimerService manual, TimerService timer, String shutdownTimeout) {
        this.manual = manual;
        this.app = App.builder().settings(Settings.from(Map.of(Settings.SHUTDOWN_TIMEOUT.name(), shutdownTimeout))).timer(timer).build();
        app.meters().add(meters);
    }

    Harness() {
        this(T0, "5s");
    }

    static ConditionFactory eventually() {
        return await().atMost(10, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(2));
    }

    Harness route(Route route) {
        app.route(route);
        return this;
    }

    /** Records the run, then runs the task. */
    TaskHandler recording(TaskHandler task) {
        return ctx -> {
            started.add(ctx);
            task.run(ctx);
        };
    }

    void advance(Duration by) {
        manual.advance(by);
    }

    void awaitStarted(int runs) {
        eventually().until(() -> started.size() >= runs);
    }

    List<Instant> scheduledTimes() {
        return started.stream().map(TaskContext::scheduledTime).toList();
    }

    double runs(String schedule, String result) {
        return meters.get("asyncworker.schedule.runs").tag("schedule", schedule).tag("result", result).counter().count();
    }

    double skips(String schedule, String reason) {
        return meters.get("asyncworker.schedule.skips").tag("schedule", schedule).tag("reason", reason).counter().count();
    }

    Timer lateness(String schedule) {
        return meters.get("asyncworker.schedule.lateness").tag("schedule", schedule).timer();
    }

    void awaitRuns(String schedule, String result, int count) {
        eventually().until(() -> runs(schedule, result) >= count);
    }

    ComponentHealth health(String schedule) {
        return app.health().components().stream().filter(c -> c.name().equals(schedule)).findFirst().orElseThrow();
    }

    @Override
    public void close() {
        app.close();
    }
}
