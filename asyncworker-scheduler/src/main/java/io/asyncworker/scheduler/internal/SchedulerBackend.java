package io.asyncworker.scheduler.internal;

import io.asyncworker.ComponentHealth;
import io.asyncworker.spi.Backend;
import io.asyncworker.spi.BackendContext;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The schedules of one app run; called by the app as {@link Backend} describes. */
final class SchedulerBackend implements Backend {
    private static final Logger LOG = LoggerFactory.getLogger(SchedulerBackend.class);

    private final List<ScheduleRunner> runners;

    SchedulerBackend(BackendContext context) {
        this.runners = context.routes().stream()
                .map(r -> new ScheduleRunner((ScheduleRoute) r, context.app(), context.timer(), context.meters()))
                .toList();
    }

    @Override
    public void start() {
        runners.forEach(ScheduleRunner::start);
        LOG.info("{} schedules started", runners.size());
    }

    @Override
    public void stopIntake() {
        runners.forEach(ScheduleRunner::stopIntake);
    }

    @Override
    public void drain(Duration budget) {
        long deadline = System.nanoTime() + budget.toNanos();
        for (ScheduleRunner runner : runners) {
            if (!awaitIdle(runner, deadline)) {
                List<String> runs = runner.interruptActive();
                LOG.warn("schedule '{}': runs {} did not finish within the shutdown budget of {}; interrupted",
                        runner.name(), runs, budget);
            }
        }
    }

    private static boolean awaitIdle(ScheduleRunner runner, long deadline) {
        try {
            return runner.awaitIdle(deadline);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        stopIntake();
    }

    @Override
    public List<ComponentHealth> health() {
        return runners.stream().map(ScheduleRunner::health).toList();
    }
}
