package io.asyncworker.scheduler.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * One schedule's meters: {@code asyncworker.schedule.runs{schedule,result=success|error|interrupted}},
 * {@code asyncworker.schedule.skips{schedule,reason=overlap|missed|stopped|fleet|fleet_error}},
 * {@code asyncworker.schedule.duration{schedule}} and {@code asyncworker.schedule.lateness{schedule}}
 * (actual start − scheduled time). Thread-safe; meters are registered once.
 */
final class ScheduleMetrics {
    /** How a run ended; the {@code result} tag. {@code NOT_RUN}: the fleet gate kept it from running, counted as a skip. */
    enum Result { SUCCESS, ERROR, INTERRUPTED, NOT_RUN }

    /**
     * Why a due run did not happen; the {@code reason} tag. {@code FLEET}: another replica claimed
     * it; {@code FLEET_ERROR}: the claim failed or came too late, so no replica may have run it.
     */
    enum SkipReason { OVERLAP, MISSED, STOPPED, FLEET, FLEET_ERROR }

    private final Counter[] runs = new Counter[Result.values().length];
    private final Counter[] skips = new Counter[SkipReason.values().length];
    private final Timer duration;
    private final Timer lateness;

    ScheduleMetrics(MeterRegistry registry, String schedule) {
        for (Result r : Result.values()) {
            if (r == Result.NOT_RUN) {
                continue;
            }
            runs[r.ordinal()] = Counter.builder("asyncworker.schedule.runs").tag("schedule", schedule)
                    .tag("result", tag(r)).description("finished runs of a schedule").register(registry);
        }
        for (SkipReason s : SkipReason.values()) {
            skips[s.ordinal()] = Counter.builder("asyncworker.schedule.skips").tag("schedule", schedule)
                    .tag("reason", tag(s)).description("due runs that did not happen").register(registry);
        }
        duration = Timer.builder("asyncworker.schedule.duration").tag("schedule", schedule)
                .description("how long runs took").register(registry);
        lateness = Timer.builder("asyncworker.schedule.lateness").tag("schedule", schedule)
                .description("actual start minus scheduled time").register(registry);
    }

    private static String tag(Enum<?> e) {
        return e.name().toLowerCase(java.util.Locale.ROOT);
    }

    void finished(Result result, Duration took) {
        if (result == Result.NOT_RUN) {
            return;
        }
        runs[result.ordinal()].increment();
        duration.record(took);
    }

    void skipped(SkipReason reason, long count) {
        skips[reason.ordinal()].increment(count);
    }

    void started(Duration late) {
        lateness.record(late.isNegative() ? Duration.ZERO : late);
    }
}
