package io.asyncworker.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every option of the Schedule builder at its extreme values: refused at once naming it, or working. */
class ScheduleExtremesTest {
    private static final TaskHandler NOTHING = ctx -> { };
    private static final Duration HUNDRED_YEARS = Duration.ofDays(36_500);
    private final Harness h = new Harness();

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void aPeriodTooLongToCountFailsAtTheBuilderNamingTheOptionInsteadOfALongOverflowAtStart() {
        assertThatThrownBy(() -> Schedule.every(Duration.ofSeconds(Long.MAX_VALUE)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("every must be at most 36500 days (100 years), got PT");
        assertThatThrownBy(() -> Schedule.fixedDelay(Duration.ofSeconds(Long.MAX_VALUE, 999_999_999)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("fixedDelay must be at most");
        assertThatThrownBy(() -> Schedule.every(HUNDRED_YEARS.plusNanos(1))).hasMessageStartingWith("every must be at most");
    }

    @Test
    void aHugeInitialDelayFailsAtTheBuilderNamingTheOption() {
        Schedule s = Schedule.every(Duration.ofSeconds(1));
        assertThatThrownBy(() -> s.initialDelay(Duration.ofSeconds(Long.MAX_VALUE)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("initialDelay must be at most");
        Schedule cron = Schedule.cron("0 * * * * *", ZoneOffset.UTC);
        assertThatThrownBy(() -> cron.initialDelay(HUNDRED_YEARS.plusSeconds(1))).hasMessageContaining("initialDelay");
    }

    @Test
    void aPeriodBelowOneMillisecondIsRefusedBecauseItWouldKeepTheTimerBusy() {
        assertThatThrownBy(() -> Schedule.every(Duration.ofNanos(1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("every must be at least 1 ms");
        assertThatThrownBy(() -> Schedule.fixedDelay(Duration.ofNanos(999_999))).hasMessageContaining("fixedDelay");
    }

    @Test
    void theLongestPeriodAndInitialDelayStartAndArmTheTimer() {
        h.route(Schedule.every(HUNDRED_YEARS).name("century").initialDelay(HUNDRED_YEARS).handler(NOTHING));
        h.route(Schedule.fixedDelay(HUNDRED_YEARS).name("slow").handler(NOTHING));
        h.route(Schedule.every(Duration.ofMillis(1)).name("fast").handler(h.recording(NOTHING)));
        h.route(Schedule.cron("0 0 0 * * *", ZoneOffset.UTC).name("late-cron").initialDelay(HUNDRED_YEARS).handler(NOTHING));
        h.app.start();
        assertThat(h.health("century").detail()).contains(Harness.T0.plus(HUNDRED_YEARS).toString());
        assertThat(h.health("late-cron").detail()).contains(Harness.T0.plus(HUNDRED_YEARS).toString());
        for (int run = 1; run <= 3; run++) {
            h.advance(Duration.ofMillis(1));
            h.awaitRuns("fast", "success", run);
        }
        assertThat(h.app.health().components()).allSatisfy(c -> assertThat(c.isUp()).isTrue());
    }

    @Test
    void maxConcurrencyAtIntegerMaxValueMeansNoLimit() {
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        h.route(Schedule.every(Duration.ofSeconds(1)).name("unbounded").maxConcurrency(Integer.MAX_VALUE)
                .handler(h.recording(ctx -> release.await())));
        h.app.start();
        for (int i = 0; i < 5; i++) {
            h.advance(Duration.ofSeconds(1));
        }
        h.awaitStarted(5);
        assertThat(h.skips("unbounded", "overlap")).isZero();
        release.countDown();
        h.awaitRuns("unbounded", "success", 5);
        assertThatThrownBy(() -> Schedule.every(Duration.ofSeconds(1)).maxConcurrency(Integer.MIN_VALUE))
                .hasMessageContaining("maxConcurrency");
    }

    @Test
    void cronExpressionsAtTheExtremesAreRefusedNamingTheProblem() {
        String huge = "0 0 0 " + "1,".repeat(600) + "1 * *";
        assertThatThrownBy(() -> Schedule.cron(huge, ZoneOffset.UTC)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("cron expression must have at most 1000 characters, got 1211");
        assertThatThrownBy(() -> Schedule.cron("*/0 * * * * *", ZoneOffset.UTC)).hasMessageContaining("Period 0");
        assertThatThrownBy(() -> Schedule.cron("0 0 0 99999999999 * *", ZoneOffset.UTC))
                .hasMessageContaining("is invalid");
        assertThatThrownBy(() -> Schedule.cron("0 0 0 ? * MON#6", ZoneOffset.UTC)).hasMessageContaining("never fires");
        assertThatThrownBy(() -> Schedule.cron("", ZoneOffset.UTC)).hasMessageContaining("is invalid");
        assertThatThrownBy(() -> Schedule.cron("0 0 0 *\u0000 * *", ZoneOffset.UTC))
                .hasMessageContaining("'0 0 0 *? * *' is invalid").hasMessageNotContaining("\u0000");
    }

    @Test
    void aCronExpressionWithLineBreaksGetsAOneLineName() {
        var route = Schedule.cron(" 0\t0\n0 * * * ", ZoneOffset.UTC).handler(NOTHING);
        assertThat(route.name()).isEqualTo("cron(0 0 0 * * *, Z)");
        assertThat(route.sources()).containsExactly("cron '0 0 0 * * *' Z");
    }

    @Test
    void theExtremeZoneOffsetsAndARareExpressionRunAtTheirFireTimes() {
        h.route(Schedule.cron("0 30 2 * * *", ZoneOffset.MAX).name("east").handler(NOTHING));
        h.route(Schedule.cron("0 30 2 * * *", ZoneOffset.MIN).name("west").handler(NOTHING));
        h.route(Schedule.cron("0 0 0 29 2 MON", ZoneId.of("Pacific/Kiritimati")).name("rare").handler(NOTHING));
        h.app.start();
        assertThat(h.health("east").detail()).contains(Instant.parse("2026-01-01T08:30:00Z").toString());
        assertThat(h.health("west").detail()).contains(Instant.parse("2026-01-01T20:30:00Z").toString());
        assertThat(h.health("rare").detail()).contains("2044-02-28T10:00:00Z");
    }

    @Test
    void aNameWithControlCharactersIsRefusedSoItCannotForgeLogLines() {
        Schedule s = Schedule.every(Duration.ofSeconds(1));
        assertThatThrownBy(() -> s.name("nightly\nERROR fake line")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("name must not contain control characters such as line breaks, got 'nightly?ERROR fake line'");
        assertThat(s.name("nächtlich – 夜").handler(NOTHING).name()).isEqualTo("nächtlich – 夜");
    }
}
