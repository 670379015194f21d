package io.asyncworker.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.asyncworker.App;
import io.asyncworker.Origin;
import io.asyncworker.Route;
import io.asyncworker.RouteOption;
import io.asyncworker.RouteType;
import io.asyncworker.Settings;
import io.asyncworker.spi.ManualTimerService;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScheduleBuilderTest {
    private static final TaskHandler NOTHING = ctx -> { };

    @Test
    void rejectsBadOptionsAtOnceNamingThem() {
        assertThatThrownBy(() -> Schedule.every(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("every must be positive, got PT0S");
        assertThatThrownBy(() -> Schedule.fixedDelay(Duration.ofSeconds(-1))).hasMessageContaining("fixedDelay");
        Schedule s = Schedule.every(Duration.ofSeconds(1));
        assertThatThrownBy(() -> s.initialDelay(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("initialDelay");
        assertThatThrownBy(() -> s.maxConcurrency(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxConcurrency");
        assertThatThrownBy(() -> s.name(" ")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("name");
        assertThatThrownBy(() -> s.overlap(null)).isInstanceOf(NullPointerException.class).hasMessage("overlap");
        assertThatThrownBy(() -> s.handler(null)).isInstanceOf(NullPointerException.class).hasMessage("handler");
    }

    @Test
    void aBadCronExpressionFailsAtBuildTimeNamingIt() {
        assertThatThrownBy(() -> Schedule.cron("0 */5 * * *", ZoneOffset.UTC)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cron expression '0 */5 * * *' is invalid");
        assertThatThrownBy(() -> Schedule.cron("0 0 0 31 4 *", ZoneOffset.UTC)).hasMessageContaining("never fires");
        assertThatThrownBy(() -> Schedule.cron("0 * * * * *", null)).isInstanceOf(NullPointerException.class)
                .hasMessage("zone");
    }

    @Test
    void buildsAScheduleRouteWithADerivedName() {
        Route every = Schedule.every(Duration.ofSeconds(30)).handler(NOTHING);
        assertThat(every.type()).isEqualTo(RouteType.SCHEDULE);
        assertThat(every.name()).isEqualTo("every(PT30S)");
        assertThat(every.sources()).containsExactly("every PT30S");
        Route cron = Schedule.cron("0 */5 * * * *", ZoneId.of("Europe/Berlin")).handler(NOTHING);
        assertThat(cron.name()).isEqualTo("cron(0 */5 * * * *, Europe/Berlin)");
        assertThat(cron.sources()).containsExactly("cron '0 */5 * * * *' Europe/Berlin");
    }

    @Test
    void describesEffectiveOptionsWithTheirOrigin() {
        Route route = Schedule.every(Duration.ofSeconds(30)).name("refresh").maxConcurrency(3).handler(NOTHING);
        List<RouteOption> options = route.describe(Settings.from(Map.of()));
        assertThat(options).containsExactly(
                new RouteOption("schedule", "every PT30S", Origin.CODE),
                new RouteOption("initialDelay", "PT30S", Origin.DEFAULT),
                new RouteOption("runOnStartup", "false", Origin.DEFAULT),
                new RouteOption("maxConcurrency", "3", Origin.CODE),
                new RouteOption("overlap", "SKIP", Origin.DEFAULT),
                new RouteOption("oncePerFleet", "no", Origin.DEFAULT));
    }

    @Test
    void twoSchedulesWithTheSameDerivedNameNeedExplicitNames() {
        try (App app = App.builder().settings(Settings.from(Map.of())).timer(new ManualTimerService()).build()) {
            app.route(Schedule.every(Duration.ofSeconds(5)).handler(NOTHING));
            assertThatThrownBy(() -> app.route(Schedule.every(Duration.ofSeconds(5)).handler(NOTHING)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("every(PT5S)");
        }
    }

    @Test
    void aScheduleRouteNotBuiltWithScheduleFailsTheStart() {
        Route foreign = new Route() {
            @Override public RouteType type() { return RouteType.SCHEDULE; }
            @Override public String name() { return "foreign"; }
            @Override public List<String> sources() { return List.of(); }
            @Override public List<RouteOption> describe(Settings settings) { return List.of(); }
        };
        try (App app = App.builder().settings(Settings.from(Map.of())).timer(new ManualTimerService()).build()) {
            app.route(foreign);
            assertThatThrownBy(app::start).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'foreign'").hasMessageContaining("Schedule");
        }
    }
}
