package io.asyncworker.scheduler.internal;

import io.asyncworker.FleetClaim;
import io.asyncworker.FleetLock;
import io.asyncworker.scheduler.internal.ScheduleMetrics.SkipReason;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets a due run of a once-per-fleet schedule start only when this replica won its claim, and only
 * when it is still timely. A replica claims a due time within its claim window after it is due —
 * the period, at least {@value #MIN_WINDOW_SECONDS} s and at most {@value #MAX_WINDOW_MINUTES} min
 * — and runs it only when the win was confirmed within that window too. The lock keeps each claim
 * {@value #MARGIN_MINUTES} min longer than the window, so a win confirmed in the window cannot be a
 * claim made after the record of an earlier winner was forgotten, as long as the replicas' clocks
 * differ by less than half that margin. See docs/decisions.md.
 *
 * <p>Stateless; called on the run's virtual thread.
 */
final class FleetGate {
    static final long MIN_WINDOW_SECONDS = 1;
    static final long MAX_WINDOW_MINUTES = 5;
    static final long MARGIN_MINUTES = 2;
    private static final Logger LOG = LoggerFactory.getLogger(FleetGate.class);

    private FleetGate() {
    }

    /** Whether the run due at {@code due} may start on this replica; counts and logs when not. */
    static boolean admits(ScheduledRun.Env env, Instant due) {
        ScheduleRoute route = env.route();
        FleetLock lock = route.fleetLock().orElse(null);
        if (lock == null) {
            return true;
        }
        Duration window = window(route.trigger(), due);
        if (late(env, due, window)) {
            return refuse(env, due, "it came up after its claim window of " + window);
        }
        boolean won;
        try {
            won = lock.tryClaim(FleetClaim.of(route.name(), due, window.plus(Duration.ofMinutes(MARGIN_MINUTES))));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return refuse(env, due, "claiming it was interrupted");
        } catch (Exception e) {
            return refuse(env, due, "claiming it failed: " + e);
        }
        if (!won) {
            env.metrics().skipped(SkipReason.FLEET, 1);
            LOG.debug("schedule '{}': the run due at {} is another replica's", route.name(), due);
            return false;
        }
        if (late(env, due, window)) {
            return refuse(env, due, "its claim was confirmed only after the claim window of " + window
                    + ", when another replica may have run it");
        }
        return true;
    }

    /** The claim window: the period between due times, within the bounds. */
    static Duration window(Trigger trigger, Instant due) {
        Duration period = trigger.next(due, due).map(n -> Duration.between(due, n.due())).orElse(Duration.ZERO);
        Duration min = Duration.ofSeconds(MIN_WINDOW_SECONDS);
        Duration max = Duration.ofMinutes(MAX_WINDOW_MINUTES);
        return period.compareTo(min) < 0 ? min : period.compareTo(max) > 0 ? max : period;
    }

    private static boolean late(ScheduledRun.Env env, Instant due, Duration window) {
        return env.timeline().now().isAfter(due.plus(window));
    }

    private static boolean refuse(ScheduledRun.Env env, Instant due, String why) {
        env.metrics().skipped(SkipReason.FLEET_ERROR, 1);
        LOG.warn("schedule '{}': this replica does not run the run due at {}: {}", env.route().name(), due, why);
        return false;
    }
}
