package io.asyncworker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BatchOptionsTest {

    @Test
    void invalidOptionsFailAtOnceNamingTheOption() {
        BatchOptions.Builder b = BatchOptions.builder();
        assertThatThrownBy(() -> b.bulkSize(0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bulkSize");
        assertThatThrownBy(() -> b.flushTimeout(Duration.ofMillis(-1))).hasMessageContaining("flushTimeout");
        assertThatThrownBy(() -> b.flushTimeout(Duration.ZERO)).hasMessageContaining("flushTimeout");
        assertThatThrownBy(() -> b.maxConcurrency(0)).hasMessageContaining("maxConcurrency");
        assertThatThrownBy(() -> b.maxDeliveries(0)).hasMessageContaining("maxDeliveries");
        assertThatThrownBy(() -> b.onException(null)).isInstanceOf(NullPointerException.class).hasMessageContaining("onException");
    }

    @Test
    void defaultsAreBulkOneAckRequeueAndTheSettingsFlushTimeout() {
        BatchOptions o = BatchOptions.defaults();
        Settings s = Settings.from(Map.of(Settings.FLUSH_TIMEOUT.name(), "7s"));
        assertThat(o.bulkSize()).isEqualTo(1);
        assertThat(o.onSuccess()).isEqualTo(Action.ACK);
        assertThat(o.onException()).isEqualTo(Action.REQUEUE);
        assertThat(o.flushTimeout(s)).isEqualTo(Duration.ofSeconds(7));
        assertThat(o.maxConcurrency()).isEmpty();
        assertThat(o.maxDeliveries()).isEmpty();
    }

    @Test
    void describeSaysWhereEachValueCameFrom() {
        BatchOptions o = BatchOptions.builder().bulkSize(100).build();
        Settings s = Settings.from(Map.of(Settings.FLUSH_TIMEOUT.name(), "7s"));
        assertThat(o.describe(s)).contains(
                new RouteOption("bulkSize", "100", Origin.CODE),
                new RouteOption("flushTimeout", "PT7S", Origin.ENVIRONMENT, java.util.List.of("ASYNCWORKER_FLUSH_TIMEOUT")),
                new RouteOption("onSuccess", "ACK", Origin.DEFAULT),
                new RouteOption("maxConcurrency", "unbounded", Origin.DEFAULT));
        BatchOptions coded = BatchOptions.builder().flushTimeout(Duration.ofSeconds(1)).build();
        assertThat(coded.describe(s)).contains(new RouteOption("flushTimeout", "PT1S", Origin.CODE));
    }

    @Test
    void builtOptionsDoNotChangeWhenTheBuilderDoes() {
        BatchOptions.Builder b = BatchOptions.builder().bulkSize(5);
        BatchOptions built = b.build();
        b.bulkSize(9);
        assertThat(built.bulkSize()).isEqualTo(5);
    }

    @Test
    void retryAndOnExceptionExcludeEachOtherInEitherOrder() {
        assertThatThrownBy(() -> BatchOptions.builder().onException(Action.REJECT).retry(RetryPolicy.defaults()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("retry and onException");
        assertThatThrownBy(() -> BatchOptions.builder().retry(RetryPolicy.defaults()).onException(Action.REJECT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("retry and onException");
    }

    @Test
    void describeShowsTheRetryPolicyAndThatOnExceptionDoesNotApply() {
        Settings s = Settings.from(Map.of());
        assertThat(BatchOptions.defaults().describe(s))
                .contains(new RouteOption("retry", "none (failed messages get onException)", Origin.DEFAULT));
        BatchOptions o = BatchOptions.builder().retry(RetryPolicy.builder().maxAttempts(4).build()).build();
        assertThat(o.retry()).contains(RetryPolicy.builder().maxAttempts(4).build());
        assertThat(o.describe(s)).contains(
                new RouteOption("retry", "4 attempts, PT1S ×2 up to PT5M, jitter 0.5, retry on every exception", Origin.CODE),
                new RouteOption("onException", "none (retry decides)", Origin.DEFAULT));
    }
}
