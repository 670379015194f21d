package io.asyncworker.scheduler.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.asyncworker.scheduler.internal.Trigger.NextFire;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CronTriggerTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId UTC = ZoneOffset.UTC;

    /** The first {@code n} fire times strictly after {@code from}, as zoned times. */
    private static List<ZonedDateTime> fires(String expr, ZoneId zone, ZonedDateTime from, int n) {
        CronTrigger t = CronTrigger.parse(expr, zone);
        List<ZonedDateTime> out = new ArrayList<>();
        Instant cur = from.toInstant();
        for (int i = 0; i < n; i++) {
            cur = t.next(cur, cur).orElseThrow().due();
            out.add(cur.atZone(zone));
        }
        return out;
    }

    private static ZonedDateTime berlin(String local) {
        return LocalDateTime.parse(local).atZone(BERLIN);
    }

    private static ZonedDateTime at(String local, String offset) {
        return ZonedDateTime.ofLocal(LocalDateTime.parse(local), BERLIN, ZoneOffset.of(offset));
    }

    @Test
    void springForwardSkipsADailyFireTimeInsideTheGap() {
        // 2026-03-29 02:00 -> 03:00 in Berlin: 02:30 does not exist that day
        assertThat(fires("0 30 2 * * *", BERLIN, berlin("2026-03-28T12:00"), 3)).containsExactly(
                berlin("2026-03-30T02:30"), berlin("2026-03-31T02:30"), berlin("2026-04-01T02:30"));
    }

    @Test
    void springForwardHourlyGoesFromOneToThree() {
        assertThat(fires("0 0 * * * *", BERLIN, berlin("2026-03-29T00:30"), 3)).containsExactly(
                at("2026-03-29T01:00", "+01:00"), at("2026-03-29T03:00", "+02:00"), at("2026-03-29T04:00", "+02:00"));
    }

    @Test
    void fallBackFiresAFixedHourOnceAtTheFirstOccurrence() {
        // 2026-10-25 03:00 -> 02:00 in Berlin: 02:30 happens twice
        assertThat(fires("0 30 2 * * *", BERLIN, berlin("2026-10-24T12:00"), 2)).containsExactly(
                at("2026-10-25T02:30", "+02:00"), at("2026-10-26T02:30", "+01:00"));
    }

    @Test
    void fallBackFiresAWildcardHourInBothOccurrences() {
        assertThat(fires("0 0 * * * *", BERLIN, berlin("2026-10-25T00:30"), 4)).containsExactly(
                at("2026-10-25T01:00", "+02:00"), at("2026-10-25T02:00", "+02:00"),
                at("2026-10-25T02:00", "+01:00"), at("2026-10-25T03:00", "+01:00"));
        List<Instant> instants = fires("0 0 * * * *", BERLIN, berlin("2026-10-25T00:30"), 4).stream()
                .map(ZonedDateTime::toInstant).toList();
        assertThat(instants).containsExactly(Instant.parse("2026-10-24T23:00:00Z"), Instant.parse("2026-10-25T00:00:00Z"),
                Instant.parse("2026-10-25T01:00:00Z"), Instant.parse("2026-10-25T02:00:00Z"));
    }

    @Test
    void day31FiresOnlyInMonthsThatHaveIt() {
        assertThat(fires("0 0 0 31 * *", UTC, ZonedDateTime.parse("2026-01-15T00:00Z"), 5))
                .extracting(z -> z.toLocalDate().toString())
                .containsExactly("2026-01-31", "2026-03-31", "2026-05-31", "2026-07-31", "2026-08-31");
    }

    @Test
    void lastDayOfMonthFollowsFebruaryAndLeapYears() {
        assertThat(fires("0 0 12 L * *", UTC, ZonedDateTime.parse("2026-01-15T00:00Z"), 4))
                .extracting(z -> z.toLocalDateTime().toString())
                .containsExactly("2026-01-31T12:00", "2026-02-28T12:00", "2026-03-31T12:00", "2026-04-30T12:00");
        assertThat(fires("0 0 12 L 2 *", UTC, ZonedDateTime.parse("2027-01-15T00:00Z"), 2))
                .extracting(z -> z.toLocalDate().toString()).containsExactly("2027-02-28", "2028-02-29");
    }

    @Test
    void february29WaitsForTheNextLeapYear() {
        assertThat(fires("0 0 0 29 2 *", UTC, ZonedDateTime.parse("2026-03-01T00:00Z"), 2))
                .extracting(z -> z.toLocalDate().toString()).containsExactly("2028-02-29", "2032-02-29");
    }

    @Test
    void firstFireTimeIncludesTheStartInstantAndIgnoresFractions() {
        CronTrigger everyMinute = CronTrigger.parse("0 * * * * *", UTC);
        Instant onTheMinute = Instant.parse("2026-01-01T10:00:00Z");
        assertThat(everyMinute.firstAtOrAfter(onTheMinute)).contains(onTheMinute);
        assertThat(everyMinute.firstAtOrAfter(onTheMinute.plusMillis(500))).contains(onTheMinute.plusSeconds(60));
        CronTrigger everySecond = CronTrigger.parse("* * * * * *", UTC);
        assertThat(everySecond.next(onTheMinute.plusMillis(500), onTheMinute.plusMillis(500)).orElseThrow().due())
                .isEqualTo(onTheMinute.plusSeconds(1));
    }

    @Test
    void realignsAfterAStallAndCountsThePassedFireTimes() {
        CronTrigger everyMinute = CronTrigger.parse("0 * * * * *", UTC);
        Instant due = Instant.parse("2026-01-01T10:00:00Z");
        assertThat(everyMinute.next(due, due.plusSeconds(185)))
                .contains(new NextFire(Instant.parse("2026-01-01T10:04:00Z"), 3));
    }

    @Test
    void weekdaysAndSpringDayOfWeekNumbers() {
        assertThat(fires("0 0 9 * * MON-FRI", UTC, ZonedDateTime.parse("2026-01-15T00:00Z"), 3))
                .extracting(z -> z.toLocalDate().toString()).containsExactly("2026-01-15", "2026-01-16", "2026-01-19");
        assertThat(fires("0 0 0 * * 0", UTC, ZonedDateTime.parse("2026-01-01T00:00Z"), 1))
                .extracting(z -> z.getDayOfWeek().toString()).containsExactly("SUNDAY");
    }

    @Test
    void rejectsBadExpressionsNamingTheExpressionAndTheProblem() {
        assertThatThrownBy(() -> CronTrigger.parse("0 0 * * *", UTC)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'0 0 * * *'").hasMessageContaining("5 parts").hasMessageContaining("6 fields");
        assertThatThrownBy(() -> CronTrigger.parse("61 * * * * *", UTC)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'61 * * * * *'").hasMessageContaining("61");
        assertThatThrownBy(() -> CronTrigger.parse("0 0 25 * * *", UTC)).hasMessageContaining("25");
        assertThatThrownBy(() -> CronTrigger.parse("", UTC)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CronTrigger.parse("0 0 0 * * * 2026", UTC)).hasMessageContaining("7 parts");
    }

    @Test
    void rejectsAnExpressionThatNeverFires() {
        assertThatThrownBy(() -> CronTrigger.parse("0 0 0 30 2 *", UTC)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cron expression '0 0 0 30 2 *' never fires: no date matches it");
    }
}
