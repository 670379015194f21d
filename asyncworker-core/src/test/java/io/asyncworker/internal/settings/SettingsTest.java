package io.asyncworker.internal.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.asyncworker.Origin;
import io.asyncworker.Settings;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SettingsTest {

    @Test
    void defaultsMatchTheSpecTable() {
        Settings s = Settings.from(Map.of());
        assertThat(s.flushTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(s.amqpUrl()).isEmpty();
        assertThat(s.amqpHost()).isEqualTo("127.0.0.1");
        assertThat(s.amqpPort()).isEqualTo(5672);
        assertThat(s.amqpUsername()).isEqualTo("guest");
        assertThat(s.amqpPassword()).isEqualTo("guest");
        assertThat(s.amqpVhost()).isEqualTo("/");
        assertThat(s.amqpPrefetch()).isEqualTo(128);
        assertThat(s.amqpHeartbeat()).isEqualTo(Duration.ofSeconds(60));
        assertThat(s.httpHost()).isEqualTo("127.0.0.1");
        assertThat(s.httpPort()).isEqualTo(8080);
        assertThat(s.metricsEnabled()).isTrue();
        assertThat(s.metricsPath()).isEqualTo("/metrics");
        assertThat(s.healthPath()).isEqualTo("/health");
        assertThat(s.shutdownTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(s.logLevel()).isEqualTo("INFO");
        assertThat(s.dev()).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"60,PT1M", "500ms,PT0.5S", "2s,PT2S", "1m,PT1M", "1h,PT1H", "' 3S ',PT3S"})
    void durationsAcceptSecondsAndUnits(String raw, String expected) {
        Settings s = Settings.from(Map.of(Settings.FLUSH_TIMEOUT, raw));
        assertThat(s.flushTimeout()).isEqualTo(Duration.parse(expected));
    }

    @Test
    void flushTimeoutFromTheEnvironmentReallyApplies() {
        Settings s = Settings.from(Map.of(Settings.FLUSH_TIMEOUT, "2s"));
        assertThat(io.asyncworker.BatchOptions.defaults().flushTimeout(s)).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void malformedValueFailsNamingTheVariableAndTheValue() {
        assertThatThrownBy(() -> Settings.from(Map.of(Settings.AMQP_PORT, "abc")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ASYNCWORKER_AMQP_PORT='abc'")
                .hasMessageContaining("whole number");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        assertThatThrownBy(() -> Settings.from(Map.of(
                Settings.FLUSH_TIMEOUT, "soon",
                Settings.METRICS_ENABLED, "yes",
                Settings.LOG_LEVEL, "LOUD",
                Settings.HEALTH_PATH, "health")))
                .hasMessageContaining("ASYNCWORKER_FLUSH_TIMEOUT='soon'")
                .hasMessageContaining("ASYNCWORKER_METRICS_ENABLED='yes'")
                .hasMessageContaining("ASYNCWORKER_LOG_LEVEL='LOUD'")
                .hasMessageContaining("ASYNCWORKER_HEALTH_PATH='health'");
    }

    @Test
    void zeroFlushTimeoutIsRejectedButZeroHeartbeatDisablesIt() {
        assertThatThrownBy(() -> Settings.from(Map.of(Settings.FLUSH_TIMEOUT, "0")))
                .hasMessageContaining("ASYNCWORKER_FLUSH_TIMEOUT");
        assertThat(Settings.from(Map.of(Settings.AMQP_HEARTBEAT, "0")).amqpHeartbeat()).isZero();
    }

    @Test
    void portsAreRangeChecked() {
        assertThatThrownBy(() -> Settings.from(Map.of(Settings.HTTP_PORT, "70000")))
                .hasMessageContaining("ASYNCWORKER_HTTP_PORT='70000'");
        assertThat(Settings.from(Map.of(Settings.HTTP_PORT, "0")).httpPort()).isZero();
    }

    @Test
    void secretsAreNeverPrinted() {
        Settings s = Settings.from(Map.of(Settings.AMQP_PASSWORD, "hunter2",
                Settings.AMQP_URL, "amqp://bob:s3cret@broker:5672/prod"));
        assertThat(s.describe().toString()).doesNotContain("hunter2").doesNotContain("s3cret")
                .contains("amqp://bob:****@broker:5672/prod");
        assertThat(s.toString()).doesNotContain("hunter2");
        assertThatThrownBy(() -> Settings.from(Map.of(Settings.AMQP_URL, "http://bob:s3cret@broker")))
                .hasMessageContaining("ASYNCWORKER_AMQP_URL")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cret"));
    }

    @Test
    void originsSayWhereEachValueCameFrom() {
        Settings env = Settings.from(Map.of(Settings.AMQP_PREFETCH, "10"));
        Settings code = env.with(Settings.HTTP_PORT, "0");
        assertThat(code.origin(Settings.AMQP_PREFETCH)).isEqualTo(Origin.ENVIRONMENT);
        assertThat(code.origin(Settings.HTTP_PORT)).isEqualTo(Origin.CODE);
        assertThat(code.origin(Settings.HTTP_HOST)).isEqualTo(Origin.DEFAULT);
        assertThat(code.httpPort()).isZero();
        assertThat(env.httpPort()).isEqualTo(8080);
    }

    @Test
    void codeOverridesAreValidatedAndUnknownNamesRejected() {
        Settings s = Settings.from(Map.of());
        assertThatThrownBy(() -> s.with(Settings.AMQP_PREFETCH, "0")).hasMessageContaining("ASYNCWORKER_AMQP_PREFETCH='0'");
        assertThatThrownBy(() -> s.with("ASYNCWORKER_FLUSH_TIMOUT", "1s")).hasMessageContaining("unknown setting ASYNCWORKER_FLUSH_TIMOUT");
    }

    @Test
    void emptyValuesCountAsUnset() {
        Settings s = Settings.from(Map.of(Settings.AMQP_HOST, ""));
        assertThat(s.amqpHost()).isEqualTo("127.0.0.1");
        assertThat(s.origin(Settings.AMQP_HOST)).isEqualTo(Origin.DEFAULT);
    }
}
