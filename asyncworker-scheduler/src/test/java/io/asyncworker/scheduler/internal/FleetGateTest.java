package io.asyncworker.scheduler.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.asyncworker.FleetClaim;
import io.asyncworker.FleetLock;
import io.asyncworker.scheduler.Schedule;
import io.asyncworker.spi.ManualTimerService;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class FleetGateTest {
    private static final Instant DUE = Instant.parse("2026-01-01T00:10:00Z");
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final AtomicReference<Instant> now = new AtomicReference<>(DUE.plusMillis(5));
    private final List<FleetClaim> claims = new CopyOnWriteArrayList<>();

    private ScheduledRun.Env env(Duration every, FleetLock lock) {
        FleetLock recording = claim -> {
            claims.add(claim);
            return lock.tryClaim(claim);
        };
        ScheduleRoute route = (ScheduleRoute) Schedule.every(every).name("s").oncePerFleet(recording).handler(ctx -> { });
        return new ScheduledRun.Env(route, null, now::get, new ManualTimerService(), new ScheduleMetrics(meters, "s"), io.asyncworker.spi.TaskRunner.virtual("test", 1));
    }

    private double skips(String reason) {
        return meters.get("asyncworker.schedule.skips").tag("reason", reason).counter().count();
    }

    @Test
    void admitsTheWinnerAndAsksToKeepTheClaimTwoMinutesLongerThanItsWindow() {
        assertThat(FleetGate.admits(env(Duration.ofMinutes(1), claim -> true), DUE)).isTrue();
        assertThat(claims).containsExactly(FleetClaim.of("s", DUE, Duration.ofMinutes(3)));
    }

    @Test
    void aLostClaimIsAFleetSkip() {
        assertThat(FleetGate.admits(env(Duration.ofMinutes(1), claim -> false), DUE)).isFalse();
        assertThat(skips("fleet")).isEqualTo(1);
        assertThat(skips("fleet_error")).isZero();
    }

    @Test
    void aClaimThatFailsIsAFleetErrorAndNotRun() {
        assertThat(FleetGate.admits(env(Duration.ofMinutes(1), claim -> {
            throw new java.io.IOException("no broker");
        }), DUE)).isFalse();
        assertThat(skips("fleet_error")).isEqualTo(1);
    }

    @Test
    void aWinConfirmedAfterTheWindowIsNotRunBecauseAnotherReplicaMayHaveRunIt() {
        assertThat(FleetGate.admits(env(Duration.ofMinutes(1), claim -> {
            now.set(DUE.plus(Duration.ofSeconds(61)));             // the confirm took over a minute
            return true;
        }), DUE)).isFalse();
        assertThat(skips("fleet_error")).isEqualTo(1);
    }

    @Test
    void aDueTimeThatComesUpAfterItsWindowIsNotEvenClaimed() {
        now.set(DUE.plus(Duration.ofSeconds(61)));
        assertThat(FleetGate.admits(env(Duration.ofMinutes(1), claim -> true), DUE)).isFalse();
        assertThat(claims).isEmpty();
        assertThat(skips("fleet_error")).isEqualTo(1);
    }

    @Test
    void theWindowIsThePeriodWithinOneSecondAndFiveMinutes() {
        assertThat(FleetGate.window(new AlignedRate(Duration.ofMillis(200)), DUE)).isEqualTo(Duration.ofSeconds(1));
        assertThat(FleetGate.window(new AlignedRate(Duration.ofSeconds(30)), DUE)).isEqualTo(Duration.ofSeconds(30));
        assertThat(FleetGate.window(new AlignedRate(Duration.ofHours(1)), DUE)).isEqualTo(Duration.ofMinutes(5));
        assertThat(FleetGate.window(CronTrigger.parse("0 */2 * * * *", ZoneOffset.UTC), DUE))
                .isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void aScheduleWithoutLockIsAlwaysAdmitted() {
        ScheduleRoute route = (ScheduleRoute) Schedule.every(Duration.ofMinutes(1)).handler(ctx -> { });
        var plain = new ScheduledRun.Env(route, null, now::get, new ManualTimerService(), new ScheduleMetrics(meters, "p"), io.asyncworker.spi.TaskRunner.virtual("test", 1));
        assertThat(FleetGate.admits(plain, DUE)).isTrue();
    }

    @Test
    void theAlignedGridStartsAtTheFirstMultipleOfThePeriodSinceTheEpoch() {
        AlignedRate every10 = new AlignedRate(Duration.ofMinutes(10));
        assertThat(every10.firstAtOrAfter(Instant.parse("2026-01-01T00:13:07Z"))).contains(Instant.parse("2026-01-01T00:20:00Z"));
        assertThat(every10.firstAtOrAfter(Instant.parse("2026-01-01T00:20:00Z"))).contains(Instant.parse("2026-01-01T00:20:00Z"));
        assertThat(every10.next(Instant.parse("2026-01-01T00:20:00Z"), Instant.parse("2026-01-01T00:20:01Z")))
                .map(Trigger.NextFire::due).contains(Instant.parse("2026-01-01T00:30:00Z"));
        assertThat(new AlignedRate(Duration.ofSeconds(7)).firstAtOrAfter(Instant.EPOCH.plusSeconds(8)))
                .contains(Instant.EPOCH.plusSeconds(14));
        assertThat(every10.wallClock()).isTrue();
        assertThat(every10.defaultInitialDelay()).isZero();
    }
}
