package io.asyncworker.scheduler.internal;

import io.asyncworker.App;
import io.asyncworker.ComponentHealth;
import io.asyncworker.scheduler.Overlap;
import io.asyncworker.scheduler.internal.ScheduleMetrics.Result;
import io.asyncworker.scheduler.internal.ScheduleMetrics.SkipReason;
import io.asyncworker.spi.Cancellable;
import io.asyncworker.spi.LogLimiter;
import io.asyncworker.spi.TaskRunner;
import io.asyncworker.spi.TimerService;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one schedule: arms the timer for the next due time, starts each due run (a
 * {@link ScheduledRun}, on its own virtual thread) within {@code maxConcurrency}, applies the
 * overlap policy, and stops.
 *
 * <p>Thread-safe: timer callbacks (timer thread), run completions (virtual threads) and the
 * app's start/stop calls meet under this object's lock, which is never held while user code
 * runs. Timer callbacks do not block.
 */
final class ScheduleRunner {
    private static final Logger LOG = LoggerFactory.getLogger(ScheduleRunner.class);
    /** A timer may fire this much before a wall-clock due time without being re-armed. */
    private static final Duration EARLY_TOLERANCE = Duration.ofMillis(1);
    /**
     * The longest single wait for a wall-clock (cron) due time. Timers count monotonic time, which
     * drifts from the wall clock and on Linux stops while the machine is suspended, so a long wait
     * is taken in steps that re-read the wall clock.
     */
    private static final Duration MAX_WALL_WAIT = Duration.ofMinutes(1);

    private final ScheduleRoute route;
    private final Trigger trigger;
    private final TimerService timer;
    private final Timeline timeline;
    private final ScheduleMetrics metrics;
    private final ScheduledRun.Env env;
    private final Logs logs;
    private final Set<ScheduledRun> running = new LinkedHashSet<>();
    private ScheduledRun waiting;
    private Cancellable pending;
    private boolean stopping;
    private ComponentHealth.State state = ComponentHealth.State.STARTING;
    private String detail = "";
    private long runs;

    /**
     * The limiters of this schedule's frequent log lines. Each schedule has its own, so that one
     * schedule skipping or running late every few milliseconds never hides another one's lines.
     */
    record Logs(LogLimiter late, LogLimiter skipped) {
        static Logs of(TimerService timer) {
            return new Logs(LogLimiter.every(Duration.ofSeconds(1), timer), LogLimiter.every(Duration.ofSeconds(1), timer));
        }
    }

    ScheduleRunner(ScheduleRoute route, App app, TimerService timer, MeterRegistry meters, TaskRunner runs) {
        this.route = route;
        this.logs = Logs.of(timer);
        this.trigger = route.trigger();
        this.timer = timer;
        this.timeline = Timeline.of(trigger, timer);
        this.metrics = new ScheduleMetrics(meters, route.name());
        this.env = new ScheduledRun.Env(route, app, timeline, timer, metrics, runs);
    }

    String name() {
        return route.name();
    }

    /** Arms the first regular run and fires the startup run, if asked for. */
    synchronized void start() {
        Instant now = timeline.now();
        Optional<Instant> first = trigger.firstAtOrAfter(now.plus(route.initialDelay()));
        state = ComponentHealth.State.UP;
        if (route.runOnStartup() && !first.equals(Optional.of(now))) {
            offer(new ScheduledRun(now, false));
        }
        first.ifPresentOrElse(this::arm, this::exhausted);
    }

    private void arm(Instant due) {
        if (stopping) {
            return;
        }
        Duration delay = Duration.between(timeline.now(), due);
        if (delay.isNegative()) {
            delay = Duration.ZERO;
        } else if (trigger.wallClock() && delay.compareTo(MAX_WALL_WAIT) > 0) {
            delay = MAX_WALL_WAIT;
        }
        pending = timer.schedule(delay, () -> fire(due));
        detail = "next run due at " + due;
    }

    /** The timer callback: starts (or skips, or queues) the due run and arms the next one. */
    private synchronized void fire(Instant due) {
        if (stopping) {
            return;
        }
        pending = null;
        Instant now = timeline.now();
        if (now.plus(EARLY_TOLERANCE).isBefore(due)) {
            arm(due); // a step of a long wait, or the wall clock stepped back since the timer was armed
            return;
        }
        offer(new ScheduledRun(due, true));
        if (!trigger.fromCompletion()) {
            armAfter(due, now);
        }
    }

    private void armAfter(Instant previous, Instant now) {
        Optional<Trigger.NextFire> next = trigger.next(previous, now);
        if (next.isEmpty()) {
            exhausted();
            return;
        }
        long missed = next.get().missed();
        if (missed > 0) {
            logs.late().tryAcquire().ifPresent(held -> LOG.warn("schedule '{}': {} due runs passed while the run due at {} "
                    + "started late at {}; running it once and realigning to {}{}", route.name(), missed, previous, now,
                    next.get().due(), LogLimiter.heldBack(held)));
            metrics.skipped(SkipReason.MISSED, missed);
        }
        arm(next.get().due());
    }

    private void exhausted() {
        state = ComponentHealth.State.STOPPED;
        detail = "no further fire time";
        LOG.warn("schedule '{}' has no further fire time and stops", route.name());
    }

    private void offer(ScheduledRun run) {
        if (running.size() < route.maxConcurrency()) {
            launch(run);
        } else if (route.overlap() == Overlap.WAIT && waiting == null) {
            waiting = run;
        } else {
            skip(run);
        }
    }

    private void skip(ScheduledRun run) {
        metrics.skipped(SkipReason.OVERLAP, 1);
        logs.skipped().tryAcquire().ifPresent(held -> LOG.info("schedule '{}': run due at {} skipped: {} runs still "
                + "active (maxConcurrency {}, overlap {}{}){}", route.name(), run.due, running.size(),
                route.maxConcurrency(), route.overlap(), waiting != null ? ", one run already waiting" : "",
                LogLimiter.heldBack(held)));
        if (run.regular && trigger.fromCompletion()) {
            armAfter(run.due, timeline.now());
        }
    }

    private void launch(ScheduledRun run) {
        running.add(run);
        run.start(++runs, env, this::completed);
    }

    /** Counted under the lock, so that a counted run has freed its slot for the next timer callback. */
    private synchronized void completed(ScheduledRun run, Result result, Duration took) {
        metrics.finished(result, took);
        running.remove(run);
        notifyAll();
        if (stopping) {
            return;
        }
        if (waiting != null) {
            ScheduledRun next = waiting;
            waiting = null;
            launch(next);
        }
        if (run.regular && trigger.fromCompletion()) {
            armAfter(run.due, timeline.now());
        }
    }

    /** Cancels the armed timer and drops a waiting run: no run starts after this. */
    synchronized void stopIntake() {
        stopping = true;
        state = ComponentHealth.State.STOPPED;
        detail = "stopped";
        if (pending != null) {
            pending.cancel();
            pending = null;
        }
        if (waiting != null) {
            metrics.skipped(SkipReason.STOPPED, 1);
            LOG.info("schedule '{}': the run due at {} was waiting and is dropped by the stop", route.name(), waiting.due);
            waiting = null;
        }
    }

    synchronized ComponentHealth health() {
        return new ComponentHealth("schedule", route.name(), state, detail);
    }
}
