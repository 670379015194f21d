package io.asyncworker.internal.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.asyncworker.Origin;
import io.asyncworker.Setting;
import io.asyncworker.Settings;
import io.asyncworker.spi.SettingsScope;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SettingsTest {
    private static final String FLUSH = Settings.FLUSH_TIMEOUT.name();

    @Test
    void defaultsMatchTheSpecTable() {
        Settings s = Settings.from(Map.of());
        assertThat(s.flushTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(s.shutdownTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(s.logLevel()).isEqualTo("INFO");
        assertThat(s.dev()).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"60,PT1M", "500ms,PT0.5S", "2s,PT2S", "1m,PT1M", "1h,PT1H", "' 3S ',PT3S"})
    void durationsAcceptSecondsAndUnits(String raw, String expected) {
        Settings s = Settings.from(Map.of(FLUSH, raw));
        assertThat(s.flushTimeout()).isEqualTo(Duration.parse(expected));
    }

    @Test
    void flushTimeoutFromTheEnvironmentReallyApplies() {
        Settings s = Settings.from(Map.of(FLUSH, "2s"));
        assertThat(io.asyncworker.BatchOptions.defaults().flushTimeout(s)).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void aBackendsSettingsAreValidatedWhenSettingsAreCreated() {
        assertThatThrownBy(() -> Settings.from(Map.of("ASYNCWORKER_SAMPLE_PORT", "abc")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ASYNCWORKER_SAMPLE_PORT='abc'")
                .hasMessageContaining("whole number");
        assertThat(Settings.from(Map.of("ASYNCWORKER_SAMPLE_PORT", "0")).get(SampleBackendFactory.PORT)).isZero();
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        assertThatThrownBy(() -> Settings.from(Map.of(
                FLUSH, "soon",
                Settings.DEV.name(), "yes",
                Settings.LOG_LEVEL.name(), "LOUD",
                "ASYNCWORKER_SAMPLE_PORT", "70000")))
                .hasMessageContaining("ASYNCWORKER_FLUSH_TIMEOUT='soon'")
                .hasMessageContaining("ASYNCWORKER_DEV='yes'")
                .hasMessageContaining("ASYNCWORKER_LOG_LEVEL='LOUD'")
                .hasMessageContaining("ASYNCWORKER_SAMPLE_PORT='70000'");
    }

    @Test
    void zeroFlushTimeoutIsRejectedButZeroShutdownTimeoutIsAllowed() {
        assertThatThrownBy(() -> Settings.from(Map.of(FLUSH, "0"))).hasMessageContaining("ASYNCWORKER_FLUSH_TIMEOUT");
        assertThat(Settings.from(Map.of(Settings.SHUTDOWN_TIMEOUT.name(), "0")).shutdownTimeout()).isZero();
    }

    @Test
    void secretsAreNeverPrinted() {
        Settings s = Settings.from(Map.of("ASYNCWORKER_SAMPLE_PASSWORD", "hunter2",
                "ASYNCWORKER_SAMPLE_URL", "amqp://bob:s3cret@broker:5672/prod"));
        assertThat(s.describe().toString()).doesNotContain("hunter2").doesNotContain("s3cret")
                .contains("amqp://bob:****@broker:5672/prod");
        assertThat(s.toString()).doesNotContain("hunter2");
        Setting<Integer> strict = Setting.<Integer>of("ASYNCWORKER_SAMPLE_PIN", null, raw -> {
            throw new IllegalArgumentException("expected a pin");
        }).secret();
        assertThatThrownBy(() -> Settings.from(Map.of("ASYNCWORKER_SAMPLE_PIN", "1234")).including(List.of(strict)))
                .hasMessageContaining("ASYNCWORKER_SAMPLE_PIN='****'")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("1234"));
    }

    @Test
    void originsSayWhereEachValueCameFrom() {
        Settings env = Settings.from(Map.of(FLUSH, "10"));
        Settings code = env.with(SampleBackendFactory.PORT, "0");
        assertThat(code.origin(Settings.FLUSH_TIMEOUT.name())).isEqualTo(Origin.ENVIRONMENT);
        assertThat(code.origin(SampleBackendFactory.PORT)).isEqualTo(Origin.CODE);
        assertThat(code.origin(Settings.SHUTDOWN_TIMEOUT.name())).isEqualTo(Origin.DEFAULT);
        assertThat(code.get(SampleBackendFactory.PORT)).isZero();
        assertThat(env.get(SampleBackendFactory.PORT)).isEqualTo(8080);
    }

    @Test
    void codeOverridesAreValidatedAndUnknownNamesRejected() {
        Settings s = Settings.from(Map.of());
        assertThatThrownBy(() -> s.with(SampleBackendFactory.PORT, "-1")).hasMessageContaining("ASYNCWORKER_SAMPLE_PORT='-1'");
        assertThatThrownBy(() -> s.with("ASYNCWORKER_FLUSH_TIMOUT", "1s")).hasMessageContaining("unknown setting ASYNCWORKER_FLUSH_TIMOUT");
    }

    @Test
    void emptyValuesCountAsUnset() {
        Settings s = Settings.from(Map.of(FLUSH, ""));
        assertThat(s.flushTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(s.origin(Settings.FLUSH_TIMEOUT.name())).isEqualTo(Origin.DEFAULT);
    }

    @Test
    void aSettingWithoutDefaultIsEmptyUntilSet() {
        assertThat(Settings.from(Map.of()).find(SampleBackendFactory.URL)).isEmpty();
        assertThatThrownBy(() -> Settings.from(Map.of()).get(SampleBackendFactory.URL))
                .hasMessageContaining("ASYNCWORKER_SAMPLE_URL is not set");
    }

    @Test
    void aSettingDeclaredAfterCreationIsReadOnDemand() {
        Setting<Integer> late = Setting.integer("ASYNCWORKER_LATE_LIMIT", 5, 1, 10);
        assertThat(Settings.from(Map.of("ASYNCWORKER_LATE_LIMIT", "7")).get(late)).isEqualTo(7);
        assertThatThrownBy(() -> Settings.from(Map.of("ASYNCWORKER_LATE_LIMIT", "70")).get(late))
                .hasMessageContaining("ASYNCWORKER_LATE_LIMIT='70'");
    }

    @Test
    void describeListsTheCoreSettingsThenEveryBackendsSettings() {
        assertThat(Settings.from(Map.of()).describe().keySet()).containsSubsequence(
                FLUSH, "ASYNCWORKER_DEV", "ASYNCWORKER_SAMPLE_PORT", "ASYNCWORKER_SAMPLE_URL");
    }

    @Test
    void aDevServiceScopeOverridesTheEnvironmentOnlyWithinTheCall() throws Exception {
        Settings inside = SettingsScope.call(Map.of("ASYNCWORKER_SAMPLE_PORT", "9999"), Settings::fromEnv);
        assertThat(inside.get(SampleBackendFactory.PORT)).isEqualTo(9999);
        assertThat(inside.origin(SampleBackendFactory.PORT)).isEqualTo(Origin.DEV_SERVICE);
        assertThat(Settings.fromEnv().origin(SampleBackendFactory.PORT)).isNotEqualTo(Origin.DEV_SERVICE);
        assertThat(System.getProperty("ASYNCWORKER_SAMPLE_PORT")).isNull();
    }

    @Test
    void settingNamesAreCheckedAndDefaultsMustParse() {
        assertThatThrownBy(() -> Setting.integer("SAMPLE_PORT", 1, 0, 2)).hasMessageContaining("ASYNCWORKER_");
        assertThatThrownBy(() -> Setting.integer("ASYNCWORKER_SAMPLE_N", 5, 0, 2)).hasMessageContaining("from 0 to 2");
    }
}
