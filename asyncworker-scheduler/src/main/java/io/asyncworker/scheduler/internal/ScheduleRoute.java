package io.asyncworker.scheduler.internal;

import io.asyncworker.Origin;
import io.asyncworker.Route;
import io.asyncworker.RouteOption;
import io.asyncworker.RouteType;
import io.asyncworker.Settings;
import io.asyncworker.scheduler.AsyncTaskHandler;
import io.asyncworker.FleetLock;
import io.asyncworker.scheduler.Overlap;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The immutable route a {@code Schedule} builds. Options set in code are kept apart from
 * defaults so that {@link #describe(Settings)} can tell where each value came from.
 */
public final class ScheduleRoute implements Route {
    /** Default {@code maxConcurrency}. */
    public static final int DEFAULT_MAX_CONCURRENCY = 1;
    /** The shortest period of {@code every} and {@code fixedDelay}. */
    public static final Duration MIN_PERIOD = Duration.ofMillis(1);
    /**
     * The longest period or initial delay, 100 years: due times stay far inside what instants and
     * the timer's nanosecond delays can count.
     */
    public static final Duration MAX_DELAY = Duration.ofDays(36_500);

    private final String name;
    private final Trigger trigger;
    private final Duration initialDelay;
    private final Boolean runOnStartup;
    private final Integer maxConcurrency;
    private final Overlap overlap;
    private final AsyncTaskHandler handler;
    private final FleetLock fleetLock;

    /**
     * @param initialDelay   {@code null} for the trigger's default
     * @param runOnStartup   {@code null} for the default, {@code false}
     * @param maxConcurrency {@code null} for the default, 1
     * @param overlap        {@code null} for the default, {@link Overlap#SKIP}
     * @param fleetLock      {@code null} unless the schedule runs once per fleet
     */
    public ScheduleRoute(String name, Trigger trigger, Duration initialDelay, Boolean runOnStartup,
                         Integer maxConcurrency, Overlap overlap, AsyncTaskHandler handler, FleetLock fleetLock) {
        this.name = Objects.requireNonNull(name, "name");
        this.trigger = Objects.requireNonNull(trigger, "trigger");
        this.initialDelay = initialDelay;
        this.runOnStartup = runOnStartup;
        this.maxConcurrency = maxConcurrency;
        this.overlap = overlap;
        this.handler = Objects.requireNonNull(handler, "handler");
        this.fleetLock = fleetLock;
    }

    @Override
    public RouteType type() {
        return RouteType.SCHEDULE;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<String> sources() {
        return List.of(trigger.describe());
    }

    @Override
    public List<RouteOption> describe(Settings settings) {
        return List.of(
                new RouteOption("schedule", trigger.describe(), Origin.CODE),
                option("initialDelay", initialDelay(), initialDelay),
                option("runOnStartup", runOnStartup(), runOnStartup),
                option("maxConcurrency", maxConcurrency(), maxConcurrency),
                option("overlap", overlap(), overlap),
                new RouteOption("oncePerFleet", fleetLock == null ? "no" : "yes, through " + fleetLock,
                        fleetLock == null ? Origin.DEFAULT : Origin.CODE));
    }

    private static RouteOption option(String name, Object effective, Object setInCode) {
        return new RouteOption(name, String.valueOf(effective), setInCode == null ? Origin.DEFAULT : Origin.CODE);
    }

    /** When runs fall due. */
    public Trigger trigger() {
        return trigger;
    }

    /** The delay from start to the first regular run. */
    public Duration initialDelay() {
        return initialDelay != null ? initialDelay : trigger.defaultInitialDelay();
    }

    /** Whether one extra run fires at start. */
    public boolean runOnStartup() {
        return runOnStartup != null && runOnStartup;
    }

    /** How many runs may be active at once. */
    public int maxConcurrency() {
        return maxConcurrency != null ? maxConcurrency : DEFAULT_MAX_CONCURRENCY;
    }

    /** What happens to a run due while {@link #maxConcurrency()} runs are active. */
    public Overlap overlap() {
        return overlap != null ? overlap : Overlap.SKIP;
    }

    /** The lock that picks the one replica running each due time, when the schedule runs once per fleet. */
    public Optional<FleetLock> fleetLock() {
        return Optional.ofNullable(fleetLock);
    }

    /** The task. */
    public AsyncTaskHandler handler() {
        return handler;
    }

    @Override
    public String toString() {
        return "Schedule[" + name + ": " + trigger.describe() + "]";
    }
}
