package io.asyncworker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    @Test
    void defaultsAreThreeAttemptsOneSecondDoublingWithHalfJitterRetryingEveryException() {
        RetryPolicy p = RetryPolicy.defaults();
        assertThat(p.maxAttempts()).isEqualTo(3);
        assertThat(p.delays()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
        assertThat(p.jitter()).isEqualTo(0.5);
        assertThat(p.retries(new IllegalStateException())).isTrue();
        assertThat(p).hasToString("3 attempts, PT1S ×2 up to PT5M, jitter 0.5, retry on every exception");
    }

    @Test
    void theDelayAfterAnAttemptGrowsByTheMultiplierUpToTheMaximumAndEndsWithTheLastAttempt() {
        RetryPolicy p = RetryPolicy.builder().maxAttempts(6).backoff(Duration.ofMillis(300), Duration.ofSeconds(1), 3).build();
        assertThat(p.delayAfter(1)).contains(Duration.ofMillis(300));
        assertThat(p.delayAfter(2)).contains(Duration.ofMillis(900));
        assertThat(p.delayAfter(3)).contains(Duration.ofSeconds(1));
        assertThat(p.delayAfter(5)).contains(Duration.ofSeconds(1));
        assertThat(p.delayAfter(6)).isEmpty();
        assertThat(p.delayAfter(60)).isEmpty();
        assertThat(p.delays()).containsExactly(Duration.ofMillis(300), Duration.ofMillis(900), Duration.ofSeconds(1));
    }

    @Test
    void delaysAreWholeMillisecondsAndAFixedDelayIsOneDelay() {
        RetryPolicy p = RetryPolicy.builder().maxAttempts(4).backoff(Duration.ofMillis(1), Duration.ofSeconds(1), 1.5).build();
        assertThat(p.delayAfter(2)).as("1.5 ms cut to whole milliseconds").contains(Duration.ofMillis(1));
        assertThat(p.delays()).as("distinct values only").containsExactly(Duration.ofMillis(1), Duration.ofMillis(2));
        RetryPolicy fixed = RetryPolicy.builder().maxAttempts(1000).fixedDelay(Duration.ofMinutes(1)).build();
        assertThat(fixed.delays()).containsExactly(Duration.ofMinutes(1));
        assertThat(fixed.delayAfter(999)).contains(Duration.ofMinutes(1));
    }

    @Test
    void oneAttemptParksAtTheFirstFailureAndHasNoDelay() {
        RetryPolicy p = RetryPolicy.builder().maxAttempts(1).build();
        assertThat(p.delayAfter(1)).isEmpty();
        assertThat(p.delays()).isEmpty();
    }

    @Test
    void parkOnComesBeforeRetryOnAndBothMatchSubtypes() {
        RetryPolicy p = RetryPolicy.builder().retryOn(IOException.class, IllegalStateException.class)
                .parkOn(java.io.FileNotFoundException.class).build();
        assertThat(p.retries(new java.net.SocketException())).as("an IOException").isTrue();
        assertThat(p.retries(new java.io.FileNotFoundException())).as("parked though an IOException").isFalse();
        assertThat(p.retries(new UncheckedIOException(new IOException()))).as("not listed").isFalse();
        RetryPolicy parkOnly = RetryPolicy.builder().parkOn(IllegalArgumentException.class).build();
        assertThat(parkOnly.retries(new NumberFormatException())).isFalse();
        assertThat(parkOnly.retries(new IllegalStateException())).isTrue();
        assertThat(parkOnly.parkOn()).containsExactly(IllegalArgumentException.class);
    }

    @Test
    void invalidOptionsFailAtOnceNamingTheOption() {
        RetryPolicy.Builder b = RetryPolicy.builder();
        assertThatThrownBy(() -> b.maxAttempts(0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxAttempts");
        assertThatThrownBy(() -> b.maxAttempts(1001)).hasMessageContaining("maxAttempts");
        assertThatThrownBy(() -> b.backoff(Duration.ZERO, Duration.ofSeconds(1))).hasMessageContaining("delay");
        assertThatThrownBy(() -> b.backoff(Duration.ofSeconds(2), Duration.ofSeconds(1))).hasMessageContaining("maxDelay");
        assertThatThrownBy(() -> b.backoff(Duration.ofSeconds(1), Duration.ofDays(31))).hasMessageContaining("maxDelay");
        assertThatThrownBy(() -> b.backoff(Duration.ofSeconds(1), Duration.ofSeconds(2), 0.5)).hasMessageContaining("multiplier");
        assertThatThrownBy(() -> b.backoff(Duration.ofSeconds(1), Duration.ofSeconds(2), Double.NaN)).hasMessageContaining("multiplier");
        assertThatThrownBy(() -> b.fixedDelay(Duration.ofDays(-1))).hasMessageContaining("delay");
        assertThatThrownBy(() -> b.jitter(1.5)).hasMessageContaining("jitter");
        assertThatThrownBy(() -> b.jitter(-0.1)).hasMessageContaining("jitter");
        assertThatThrownBy(() -> b.retryOn()).hasMessageContaining("retryOn");
        assertThatThrownBy(() -> b.parkOn()).hasMessageContaining("parkOn");
        assertThatThrownBy(() -> b.retryOn(IOException.class, null)).isInstanceOf(NullPointerException.class);
        assertThat(b.build()).isEqualTo(RetryPolicy.defaults());
    }

    @Test
    void builtPoliciesDoNotChangeWhenTheBuilderDoes() {
        RetryPolicy.Builder b = RetryPolicy.builder().maxAttempts(5).retryOn(IOException.class);
        RetryPolicy first = b.build();
        b.maxAttempts(2).retryOn(IllegalStateException.class);
        assertThat(first.maxAttempts()).isEqualTo(5);
        assertThat(first.retryOn()).isEqualTo(List.of(IOException.class));
        assertThat(first).isNotEqualTo(b.build());
        assertThat(first).hasToString("5 attempts, PT1S ×2 up to PT5M, jitter 0.5, retry on IOException");
    }
}
