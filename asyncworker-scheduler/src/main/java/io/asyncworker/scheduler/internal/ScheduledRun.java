package io.asyncworker.scheduler.internal;

import io.asyncworker.App;
import io.asyncworker.observation.AsyncWorkerObservations;
import io.asyncworker.scheduler.internal.ScheduleMetrics.Result;
import io.asyncworker.spi.TaskRunner;
import io.asyncworker.spi.TimerService;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One due run of a schedule and its execution on its own virtual thread: records the lateness,
 * calls the task, waits for an async task's stage, and reports how the run ended.
 *
 * <p>The {@link ScheduleRunner} creates it on a timer or completion thread, numbers it under its
 * lock when it starts, and may {@link #abandon() abandon} it from the stopping thread; the run
 * itself executes on the thread {@link #start} creates. Compared by identity.
 */
final class ScheduledRun implements TaskRunner.Task {
    private static final Logger LOG = LoggerFactory.getLogger(ScheduledRun.class);

    /** What a run needs from its schedule; one per {@link ScheduleRunner}. */
    record Env(ScheduleRoute route, App app, Timeline timeline, TimerService timer, ScheduleMetrics metrics,
               TaskRunner runner) {
    }

    /** Told once when a run ended, on the run's thread. */
    @FunctionalInterface
    interface Completion {
        void completed(ScheduledRun run, Result result, Duration took);
    }

    final Instant due;
    /** Whether it belongs to the regular sequence (not the startup run). */
    final boolean regular;
    private long number;
    private Env env;
    private Completion completion;
    private volatile boolean abandoned;
    /** Why the run failed; set on the run's thread. */
    private Throwable failure;

    ScheduledRun(Instant due, boolean regular) {
        this.due = due;
        this.regular = regular;
    }

    /** Numbers the run and starts it on a fresh virtual thread of the schedules' task runner. */
    void start(long number, Env env, Completion completion) {
        this.number = number;
        this.env = env;
        this.completion = completion;
        env.runner().submit(this);
    }

    /** The stop gave the run up: it is being interrupted, so its failure is expected, not an error. */
    @Override
    public void abandon() {
        abandoned = true;
    }

    @Override
    public void run() {
        Thread.currentThread().setName("asyncworker-schedule-" + env.route().name() + "#" + number);
        execute(env, completion);
    }

    private void execute(Env env, Completion completion) {
        if (!FleetGate.admits(env, due)) {
            completion.completed(this, Result.NOT_RUN, Duration.ZERO);
            return;
        }
        env.metrics().started(Duration.between(due, env.timeline().now()));
        long start = env.timer().nanoTime();
        Result result = Result.ERROR;
        try {
            result = observed(env);
        } finally {
            completion.completed(this, result, Duration.ofNanos(env.timer().nanoTime() - start));
        }
    }

    /**
     * Invokes the task with the schedule's name in the MDC and, when the app observes, as an
     * observation in scope on this thread (SPEC §16).
     */
    private Result observed(Env env) {
        String name = env.route().name();
        ObservationRegistry registry = env.app().observations();
        Observation observation = registry.isNoop() ? Observation.NOOP
                : Observation.createNotStarted(AsyncWorkerObservations.SCHEDULE, registry).contextualName("schedule " + name)
                        .lowCardinalityKeyValue(AsyncWorkerObservations.SCHEDULE_NAME, name).start();
        MDC.put(AsyncWorkerObservations.MDC_ROUTE, name);
        try (Observation.Scope ignored = observation.openScope()) {
            return invoke(env);
        } finally {
            MDC.remove(AsyncWorkerObservations.MDC_ROUTE);
            if (!observation.isNoop()) {
                AsyncWorkerObservations.stop(observation, failure);
            }
        }
    }

    private Result invoke(Env env) {
        CompletableFuture<?> stage = null;
        try {
            stage = stage(env);
            stage.get();
            return Result.SUCCESS;
        } catch (InterruptedException e) {
            if (stage != null) {
                stage.cancel(true);
            }
            return failed(env, e);
        } catch (ExecutionException e) {
            return failed(env, e.getCause());
        } catch (Exception | Error e) {
            return failed(env, e); // an Error from user code too: log it with the schedule's name
        }
    }

    private CompletableFuture<?> stage(Env env) throws Exception {
        ScheduleRoute route = env.route();
        CompletionStage<?> stage = route.handler().run(new RunContext(env.app(), route.name(), due, number));
        if (stage == null) {
            throw new IllegalStateException("the asyncHandler of schedule '" + route.name()
                    + "' returned null instead of a CompletionStage");
        }
        return stage.toCompletableFuture();
    }

    private Result failed(Env env, Throwable e) {
        failure = e;
        if (abandoned) {
            LOG.warn("schedule '{}': run {} was interrupted by the stop: {}", env.route().name(), this, e.toString());
            return Result.INTERRUPTED;
        }
        LOG.error("schedule '{}': run {} failed; the schedule goes on", env.route().name(), this, e);
        return Result.ERROR;
    }

    @Override
    public String toString() {
        return "#" + number + " (due " + due + ")";
    }
}
