package io.asyncworker.scheduler.internal;

import io.asyncworker.ComponentHealth;
import io.asyncworker.spi.Backend;
import io.asyncworker.spi.BackendContext;
import io.asyncworker.spi.TaskRunner;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The schedules of one app run. Called by the app as {@link Backend} describes: start, stop and
 * health from the app's threads, never concurrently with each other except {@code health()}.
 */
final class SchedulerBackend implements Backend {
    private static final Logger LOG = LoggerFactory.getLogger(SchedulerBackend.class);

    /** How long interrupted runs get to end before the stop goes on without them. */
    static final Duration INTERRUPT_GRACE = Duration.ofSeconds(1);

    private final List<ScheduleRunner> runners;
    /** Every run of every schedule; each schedule applies its own overlap policy before submitting. */
    private final TaskRunner runs = TaskRunner.virtual("asyncworker-schedule", Integer.MAX_VALUE);

    SchedulerBackend(BackendContext context) {
        this.runners = context.routes().stream()
                .map(r -> new ScheduleRunner((ScheduleRoute) r, context.app(), context.timer(), context.meters(), runs))
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

    /**
     * Waits for active runs within the budget, interrupts the rest (each logs one WARN line), then
     * gives them a short grace to end so that they are counted and logged before the app's
     * shutdown hooks run.
     */
    @Override
    public void drain(Duration budget) {
        TaskRunner.Stopped stopped = runs.stop(budget, INTERRUPT_GRACE);
        if (!stopped.idle()) {
            LOG.warn("{} schedule runs did not finish within the shutdown budget of {}; interrupted them",
                    stopped.interrupted(), budget);
        }
        if (!stopped.ignoringInterrupt().isEmpty()) {
            LOG.warn("schedule runs {} still run {} after the interrupt; the stop goes on without them",
                    stopped.ignoringInterrupt(), INTERRUPT_GRACE);
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
