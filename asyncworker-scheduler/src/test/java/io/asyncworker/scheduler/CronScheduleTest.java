package io.asyncworker.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CronScheduleTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private Harness h;

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void aNightlyRunInsideTheSpringForwardGapWaitsForTheNextDay() {
        h = new Harness(Instant.parse("2026-03-28T11:00:00Z"), "5s"); // 12:00 in Berlin
        h.route(Schedule.cron("0 30 2 * * *", BERLIN).name("nightly").handler(h.recording(ctx -> { })));
        h.app.start();
        // 2026-03-29 02:30 does not exist; the next fire is 2026-03-30 02:30 CEST = 00:30Z
        assertThat(nextDue("nightly")).isEqualTo("2026-03-30T00:30:00Z");
        h.advance(Duration.ofHours(37).plusMinutes(30).minusSeconds(1));
        assertThat(h.started).isEmpty();
        h.advance(Duration.ofSeconds(1));
        h.awaitStarted(1);
        assertThat(h.started.get(0).scheduledTime()).isEqualTo(Instant.parse("2026-03-30T00:30:00Z"));
        assertThat(nextDue("nightly")).isEqualTo("2026-03-31T00:30:00Z");
    }

    @Test
    void anHourlyRunFiresInBothOccurrencesOfTheRepeatedHourAtFallBack() {
        h = new Harness(Instant.parse("2026-10-24T22:30:00Z"), "5s"); // 00:30 CEST
        h.route(Schedule.cron("0 0 * * * *", BERLIN).name("hourly").handler(h.recording(ctx -> { })));
        h.app.start();
        h.advance(Duration.ofMinutes(30));
        for (int run = 1; run <= 3; run++) {
            h.awaitRuns("hourly", "success", run);
            h.advance(Duration.ofHours(1));
        }
        h.awaitStarted(4);
        assertThat(h.scheduledTimes()).containsExactly(Instant.parse("2026-10-24T23:00:00Z"),
                Instant.parse("2026-10-25T00:00:00Z"), Instant.parse("2026-10-25T01:00:00Z"),
                Instant.parse("2026-10-25T02:00:00Z"));
        assertThat(h.scheduledTimes()).extracting(t -> t.atZone(BERLIN).toLocalTime().toString())
                .containsExactly("01:00", "02:00", "02:00", "03:00");
    }

    @Test
    void lastDayOfMonthRunsOnFebruary28ThenMarch31() {
        h = new Harness(Instant.parse("2026-01-31T13:00:00Z"), "5s");
        h.route(Schedule.cron("0 0 12 L * *", ZoneOffset.UTC).name("month-end").handler(h.recording(ctx -> { })));
        h.app.start();
        assertThat(nextDue("month-end")).isEqualTo("2026-02-28T12:00:00Z");
        h.advance(Duration.ofDays(27).plusHours(23));
        h.awaitStarted(1);
        assertThat(h.started.get(0).scheduledTime()).isEqualTo(Instant.parse("2026-02-28T12:00:00Z"));
        assertThat(nextDue("month-end")).isEqualTo("2026-03-31T12:00:00Z");
    }

    @Test
    void aFireTimeEqualToTheStartRunsAtOnce() {
        h = new Harness(Instant.parse("2026-01-01T00:00:00Z"), "5s");
        h.route(Schedule.cron("0 0 0 * * *", ZoneOffset.UTC).name("midnight").handler(h.recording(ctx -> { })));
        h.app.start();
        assertThat(h.manual.pendingDelays()).containsExactly(Duration.ZERO);
    }

    @Test
    void initialDelayPostponesTheFirstCronRun() {
        h = new Harness(Instant.parse("2026-01-01T00:00:00Z"), "5s");
        h.route(Schedule.cron("0 0 * * * *", ZoneOffset.UTC).name("later").initialDelay(Duration.ofMinutes(90))
                .handler(h.recording(ctx -> { })));
        h.app.start();
        assertThat(nextDue("later")).isEqualTo("2026-01-01T02:00:00Z");
    }

    @Test
    void aLongWaitIsTakenInOneMinuteStepsThatReReadTheWallClock() {
        h = new Harness(Instant.parse("2026-01-01T00:00:00Z"), "5s");
        h.route(Schedule.cron("0 0 12 * * *", ZoneOffset.UTC).name("noon").handler(h.recording(ctx -> { })));
        h.app.start();
        assertThat(h.manual.pendingDelays()).containsExactly(Duration.ofMinutes(1));
        h.advance(Duration.ofHours(11).plusMinutes(59).plusSeconds(30));
        assertThat(h.manual.pendingDelays()).containsExactly(Duration.ofSeconds(30));
        assertThat(h.started).isEmpty();
        h.advance(Duration.ofSeconds(30));
        h.awaitStarted(1);
        assertThat(h.started.get(0).scheduledTime()).isEqualTo(Instant.parse("2026-01-01T12:00:00Z"));
    }

    private String nextDue(String schedule) {
        return h.health(schedule).detail().replace("next run due at ", "");
    }
}
