package io.asyncworker.scheduler;

import io.asyncworker.FleetClaim;
import io.asyncworker.FleetLock;

import static io.asyncworker.scheduler.Harness.T0;
import static io.asyncworker.scheduler.Harness.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.asyncworker.Route;
import io.asyncworker.RouteOption;
import io.asyncworker.Settings;
import io.asyncworker.spi.ManualTimerService;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Once-per-fleet schedules: three apps, each on a timer of its own moved in step, share a lock held in memory. */
class FleetScheduleTest {
    private static final Duration MINUTE = Duration.ofMinutes(1);
    private final List<Harness> replicas = List.of(replica(), replica(), replica());
    private final List<Instant> ran = new CopyOnWriteArrayList<>();
    private final Map<String, Boolean> claims = new ConcurrentHashMap<>();
    private final FleetLock memory = claim -> claims.putIfAbsent(claim.schedule() + "@" + claim.due(), true) == null;

    private static Harness replica() {
        return new Harness(new ManualTimerService(T0.plusSeconds(17)), "5s");
    }

    private Instant now() {
        return replicas.getFirst().manual.now();
    }

    private void advance(Duration by) {
        replicas.forEach(h -> h.advance(by));
    }

    @AfterEach
    void close() {
        replicas.forEach(Harness::close);
    }

    private void startAll(FleetLock lock) {
        for (Harness h : replicas) {
            h.route(Schedule.every(MINUTE).name("sync").oncePerFleet(lock).handler(ctx -> ran.add(ctx.scheduledTime())));
            h.app.start();
        }
    }

    private double total(String reason) {
        return replicas.stream().mapToDouble(h -> h.skips("sync", reason)).sum();
    }

    private double runs() {
        return replicas.stream().mapToDouble(h -> h.runs("sync", "success")).sum();
    }

    /** Moves to the next due time and waits until every replica has dealt with it. */
    private void nextDueTime(int dealtWith) {
        Instant now = now();
        Instant next = Instant.ofEpochSecond((now.getEpochSecond() / 60 + 1) * 60);
        advance(Duration.between(now, next));
        eventually().until(() -> runs() + total("fleet") + total("fleet_error") >= dealtWith);
    }

    @Test
    void eachDueTimeRunsOnExactlyOneReplicaOnAGridAlignedToTheEpoch() {
        startAll(memory);
        for (int i = 1; i <= 5; i++) {
            nextDueTime(3 * i);
        }
        assertThat(ran).containsExactlyInAnyOrder(T0.plusSeconds(60), T0.plusSeconds(120), T0.plusSeconds(180),
                T0.plusSeconds(240), T0.plusSeconds(300));
        assertThat(runs()).isEqualTo(5);
        assertThat(total("fleet")).as("the others' due times").isEqualTo(10);
    }

    @Test
    void anotherReplicaRunsTheNextDueTimeWhenTheOneThatRanStops() {
        startAll(memory);
        nextDueTime(3);
        Harness winner = replicas.stream().filter(h -> h.runs("sync", "success") == 1).findFirst().orElseThrow();
        winner.close();
        advance(MINUTE);
        eventually().until(() -> ran.size() == 2);
        assertThat(ran).containsExactly(T0.plusSeconds(60), T0.plusSeconds(120));
        assertThat(replicas.stream().filter(h -> h != winner).mapToDouble(h -> h.runs("sync", "success")).sum())
                .as("run by one of the others").isEqualTo(1);
    }

    @Test
    void whenTheLockCannotTellNoReplicaRunsAndEachCountsIt() {
        startAll(claim -> {
            throw new java.io.IOException("broker unreachable");
        });
        nextDueTime(3);
        assertThat(ran).isEmpty();
        assertThat(total("fleet_error")).isEqualTo(3);
        assertThat(replicas.get(0).health("sync").state()).isEqualTo(io.asyncworker.ComponentHealth.State.UP);
    }

    @Test
    void refusesWhatEveryReplicaCannotAgreeOn() {
        assertThatThrownBy(() -> Schedule.every(MINUTE).oncePerFleet(memory).handler(ctx -> { }))
                .hasMessageContaining("oncePerFleet needs name(...)");
        assertThatThrownBy(() -> Schedule.fixedDelay(MINUTE).name("n").oncePerFleet(memory).handler(ctx -> { }))
                .hasMessageContaining("fixedDelay");
        assertThatThrownBy(() -> Schedule.every(MINUTE).name("n").runOnStartup(true).oncePerFleet(memory)
                .handler(ctx -> { })).hasMessageContaining("runOnStartup");
        assertThatThrownBy(() -> Schedule.every(MINUTE).oncePerFleet(null)).isInstanceOf(NullPointerException.class);
        Route cron = Schedule.cron("0 0 3 * * *", ZoneOffset.UTC).name("nightly").oncePerFleet(memory).handler(ctx -> { });
        assertThat(cron.describe(Settings.from(Map.of()))).extracting(RouteOption::name).contains("oncePerFleet");
        Route plain = Schedule.every(MINUTE).handler(ctx -> { });
        assertThat(plain.describe(Settings.from(Map.of()))).filteredOn(o -> o.name().equals("oncePerFleet"))
                .extracting(RouteOption::value).containsExactly("no");
    }
}
