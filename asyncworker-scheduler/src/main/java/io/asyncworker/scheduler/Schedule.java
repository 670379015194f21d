package io.asyncworker.scheduler;

import io.asyncworker.FleetLock;
import io.asyncworker.Route;
import io.asyncworker.scheduler.internal.AlignedRate;
import io.asyncworker.scheduler.internal.CronTrigger;
import io.asyncworker.scheduler.internal.FixedDelay;
import io.asyncworker.scheduler.internal.FixedRate;
import io.asyncworker.scheduler.internal.ScheduleRoute;
import io.asyncworker.scheduler.internal.Trigger;
import io.asyncworker.spi.Checks;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;

/**
 * Builds a recurring-task route ({@link io.asyncworker.RouteType#SCHEDULE}).
 *
 * <pre>{@code
 * app.route(Schedule.every(Duration.ofSeconds(30)).name("refresh").handler(ctx -> refreshCache()));
 * app.route(Schedule.fixedDelay(Duration.ofMinutes(1)).runOnStartup(true).handler(ctx -> sync()));
 * app.route(Schedule.cron("0 0 3 * * *", ZoneId.of("Europe/Berlin")).handler(ctx -> nightly()));
 * }</pre>
 *
 * <p><b>Timing.</b> {@link #every} runs on a fixed grid (start + initial delay + n × period), so
 * lateness never accumulates; when the machine stalled past several due times, the schedule runs
 * once and realigns to the grid, counting the passed-over due times as skips
 * ({@code reason=missed}) instead of firing a burst. {@link #fixedDelay} times each run from the
 * end of the previous one, so its runs never overlap. {@link #cron} follows the wall clock of the
 * app's {@code TimerService} in the given zone; daylight-saving transitions follow cron-utils'
 * rules: a fire time inside a spring-forward gap is skipped that day, and in a fall-back overlap
 * an expression with a fixed hour fires once while one with a wildcard hour fires in both
 * occurrences. Intervals are measured with the timer's monotonic clock.
 *
 * <p><b>Overlap.</b> At most {@link #maxConcurrency(int)} runs are active at once (default 1).
 * A run due while the limit is reached is skipped ({@link Overlap#SKIP}, the default) or waits
 * ({@link Overlap#WAIT}, at most one waiting run per schedule).
 *
 * <p><b>Stop.</b> When the app stops, no run starts any more and a waiting run is dropped;
 * active runs are awaited within {@code ASYNCWORKER_SHUTDOWN_TIMEOUT}, then interrupted, named in
 * the log and given one more second to end (counted as {@code result=interrupted}) before the
 * app's shutdown hooks run; a run that ignores the interrupt is logged and left behind.
 *
 * <p><b>Once per fleet.</b> Every replica of a worker runs every schedule, unless the schedule is
 * {@link #oncePerFleet(FleetLock) once per fleet}: then each due time runs on one replica only.
 *
 * <p>Each setter validates its argument at once and throws {@link IllegalArgumentException}
 * naming the option, extreme values included: periods and delays lie between 1 ms (periods) or
 * zero (initial delay) and 36,500 days (100 years), a cron expression has at most 1,000
 * characters, a name no control characters. A builder is not thread-safe; the route it builds is
 * immutable.
 */
public final class Schedule {
    private final Trigger trigger;
    private String name;
    private Duration initialDelay;
    private Boolean runOnStartup;
    private Integer maxConcurrency;
    private Overlap overlap;
    private FleetLock fleetLock;
    private boolean named;

    private Schedule(Trigger trigger, String defaultName) {
        this.trigger = trigger;
        this.name = defaultName;
    }

    /**
     * Runs at a fixed rate: the first run one period after start (or after
     * {@link #initialDelay(Duration)}), then every period on the same grid.
     *
     * @param period from 1 ms to 36,500 days
     * @return a new schedule; finish it with {@link #handler(TaskHandler)}
     */
    public static Schedule every(Duration period) {
        interval("every", period);
        return new Schedule(new FixedRate(period), "every(" + period + ")");
    }

    /**
     * Runs with a fixed delay between the end of one run and the start of the next; the first
     * run one delay after start (or after {@link #initialDelay(Duration)}).
     *
     * @param delay from 1 ms to 36,500 days
     * @return a new schedule; finish it with {@link #handler(TaskHandler)}
     */
    public static Schedule fixedDelay(Duration delay) {
        interval("fixedDelay", delay);
        return new Schedule(new FixedDelay(delay), "fixedDelay(" + delay + ")");
    }

    /**
     * Runs at the fire times of a 6-field cron expression, read in a zone: second minute hour
     * day-of-month month day-of-week, in Spring's syntax ({@code *}, lists, ranges, steps,
     * names such as {@code MON-FRI}, {@code ?}, {@code L} for the last day of the month,
     * {@code W}, {@code #}). Examples: <code>0 *&#47;5 * * * *</code> (every five minutes),
     * {@code 0 0 12 L * *} (noon on each month's last day).
     *
     * @param expression the cron expression
     * @param zone the time zone
     * @return a schedule to finish with a handler
     * @throws IllegalArgumentException naming the expression and the problem when it does not
     *                                  parse, never fires or is longer than 1,000 characters
     */
    public static Schedule cron(String expression, ZoneId zone) {
        Objects.requireNonNull(expression, "expression");
        Objects.requireNonNull(zone, "zone");
        CronTrigger trigger = CronTrigger.parse(expression, zone);
        return new Schedule(trigger, "cron(" + trigger.expression() + ", " + zone + ")");
    }

    /**
     * The route's name, used in logs, metrics tags and health; by default derived from the
     * trigger, e.g. {@code every(PT30S)}. Names are unique within an app and contain no control
     * characters (a line break would forge log lines).
     *
     * @param name the name, not blank, without control characters
     * @return this schedule
     * @throws IllegalArgumentException when the name is blank or contains a control character
     */
    public Schedule name(String name) {
        Checks.notBlank("name", name);
        if (name.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("name must not contain control characters such as line breaks, got '"
                    + name.replaceAll("\\p{Cntrl}", "?") + "'");
        }
        this.name = name;
        this.named = true;
        return this;
    }

    /**
     * The delay from start to the first regular run; from zero to 36,500 days. Default: one period
     * for {@link #every} and {@link #fixedDelay}, zero for {@link #cron} (whose first run is the
     * first fire time at or after start + this delay).
     *
     * @param delay the delay before the first regular run
     * @return this schedule
     * @throws IllegalArgumentException when the delay is negative or longer than 36,500 days
     */
    public Schedule initialDelay(Duration delay) {
        this.initialDelay = Checks.notNegative("initialDelay", delay);
        return this;
    }

    /**
     * Whether one extra run fires at start, outside the regular sequence (default
     * {@code false}). When the first regular run is itself due at start, that is the only one.
     *
     * @param run whether one extra run fires at start, outside the regular sequence (default {@code false})
     * @return this builder
     */
    public Schedule runOnStartup(boolean run) {
        this.runOnStartup = run;
        return this;
    }

    /**
     * How many runs of this schedule may be active at once; at least 1, default 1.
     * {@link Integer#MAX_VALUE} means no limit.
     *
     * @param max the most runs active at once
     * @return this schedule
     * @throws IllegalArgumentException when {@code max} is below 1
     */
    public Schedule maxConcurrency(int max) {
        this.maxConcurrency = Checks.atLeast("maxConcurrency", max, 1);
        return this;
    }

    /**
     * What happens to a run due while {@code maxConcurrency} runs are active; default SKIP.
     *
     * @param overlap what happens to a run due while {@code maxConcurrency} runs are active; default SKIP
     * @return this builder
     */
    public Schedule overlap(Overlap overlap) {
        this.overlap = Objects.requireNonNull(overlap, "overlap");
        return this;
    }

    /**
     * Runs each due time on one replica of the fleet only: before a run starts, the replica claims
     * the due time through the lock, e.g. {@code AmqpConnection.fleetLock()} (through RabbitMQ, no
     * database), and only the winner runs it; the others count it as
     * {@code asyncworker.schedule.skips{reason=fleet}}. When the replica that would have run it is
     * gone, the next due time is simply won by another one.
     *
     * <pre>{@code
     * app.route(Schedule.cron("0 0 3 * * *", ZoneId.of("UTC")).name("nightly-report")
     *         .oncePerFleet(rabbit.fleetLock())
     *         .handler(ctx -> report(ctx.scheduledTime())));
     * }</pre>
     *
     * <p>Every replica must compute the same due times, so: the schedule needs an explicit
     * {@link #name(String)} (the same on every replica, unique among the workers sharing the lock);
     * {@link #every(Duration)} runs on a grid aligned to the epoch (every 10 min: :00, :10, … UTC),
     * following the wall clock like cron, its first run at the first grid point at or after start
     * (plus {@link #initialDelay(Duration)});
     * {@link #fixedDelay(Duration)} and {@link #runOnStartup(boolean)} are refused, their times
     * depending on each replica. The replicas' clocks must agree within a minute (NTP).
     *
     * <p>Each due time runs at most once: a replica claims a due time only within its claim
     * window after it is due (the period, at least 1 s, at most 5 min) and does not run it when
     * the claim was confirmed later than that, or could not be confirmed at all (broker down,
     * network partition); such a due time may then run nowhere, counted as
     * {@code skips{reason=fleet_error}} and logged. A run that fails is not retried elsewhere.
     * {@link TaskContext#runNumber()} counts this replica's due times, including those another
     * replica ran.
     *
     * @param lock the fleet lock every replica claims due times through
     * @return this schedule
     */
    public Schedule oncePerFleet(FleetLock lock) {
        this.fleetLock = Objects.requireNonNull(lock, "oncePerFleet");
        return this;
    }

    /**
     * Finishes the route with blocking task code, run on a virtual thread.
     *
     * @param handler the task code, called once per run
     * @return the finished, immutable route
     */
    public Route handler(TaskHandler handler) {
        return asyncHandler(AsyncTaskHandler.of(Objects.requireNonNull(handler, "handler")));
    }

    /**
     * Finishes the route with non-blocking task code; a run lasts until its stage completes.
     *
     * @param handler the handler
     * @return the route, for {@code app.route(...)}
     */
    public Route asyncHandler(AsyncTaskHandler handler) {
        Objects.requireNonNull(handler, "handler");
        return new ScheduleRoute(name, fleetTrigger(), initialDelay, runOnStartup, maxConcurrency, overlap, handler,
                fleetLock);
    }

    /** The trigger; for a once-per-fleet schedule the one every replica agrees on, after checking it can. */
    private Trigger fleetTrigger() {
        if (fleetLock == null) {
            return trigger;
        }
        if (!named) {
            throw new IllegalArgumentException("oncePerFleet needs name(...): the same on every replica and unique "
                    + "among the workers that share the lock (the derived name '" + name + "' is not)");
        }
        if (trigger instanceof FixedDelay) {
            throw new IllegalArgumentException("oncePerFleet does not go with fixedDelay, whose due times depend on "
                    + "each replica's previous run: use every(...) or cron(...)");
        }
        if (Boolean.TRUE.equals(runOnStartup)) {
            throw new IllegalArgumentException("oncePerFleet does not go with runOnStartup(true): replicas start at "
                    + "different times");
        }
        return trigger instanceof FixedRate rate ? new AlignedRate(rate.period()) : trigger;
    }

    /** A period: positive, at least {@link ScheduleRoute#MIN_PERIOD}, at most {@link ScheduleRoute#MAX_DELAY}. */
    private static void interval(String option, Duration value) {
        Checks.positive(option, value);
        if (value.compareTo(ScheduleRoute.MIN_PERIOD) < 0) {
            throw new IllegalArgumentException(option + " must be at least 1 ms (shorter periods would keep the timer "
                    + "busy), got " + value);
        }
    }
}
