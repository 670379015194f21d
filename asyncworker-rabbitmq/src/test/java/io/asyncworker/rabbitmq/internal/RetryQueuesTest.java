package io.asyncworker.rabbitmq.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.asyncworker.RetryPolicy;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RetryQueuesTest {

    @Test
    void delayQueuesAreNamedByTheDelayInItsLargestWholeUnit() {
        assertThat(RetryQueues.delayQueue("items", Duration.ofMillis(1500))).isEqualTo("items.retry.1500ms");
        assertThat(RetryQueues.delayQueue("items", Duration.ofSeconds(5))).isEqualTo("items.retry.5s");
        assertThat(RetryQueues.delayQueue("items", Duration.ofSeconds(90))).isEqualTo("items.retry.90s");
        assertThat(RetryQueues.delayQueue("items", Duration.ofMinutes(2))).isEqualTo("items.retry.2m");
        assertThat(RetryQueues.delayQueue("items", Duration.ofHours(1))).isEqualTo("items.retry.1h");
        assertThat(RetryQueues.delayQueue("items", Duration.ofDays(3))).isEqualTo("items.retry.3d");
        assertThat(RetryQueues.delayQueue("items", Duration.ofMillis(1))).isEqualTo("items.retry.1ms");
    }

    @Test
    void aDelayGoesToItsOwnQueueElseTheNextLongerElseTheLongest() {
        RetryQueues q = new RetryQueues("items", RetryPolicy.builder().maxAttempts(4)
                .backoff(Duration.ofSeconds(1), Duration.ofSeconds(3)).build(), null, false);
        assertThat(q.delayQueues()).containsExactly("items.retry.1s", "items.retry.2s", "items.retry.3s");
        assertThat(q.delayQueueFor(Duration.ofSeconds(2))).isEqualTo("items.retry.2s");
        assertThat(q.delayQueueFor(Duration.ofMillis(1100))).isEqualTo("items.retry.2s");
        assertThat(q.delayQueueFor(Duration.ofMinutes(1))).isEqualTo("items.retry.3s");
        assertThat(q.parkingLot()).isEqualTo("items.parking-lot");
    }

    @Test
    void delayQueuesDeadLetterBackToTheirQueueAfterTheirTtlAndFollowAQuorumQueue() {
        RetryPolicy p = RetryPolicy.builder().fixedDelay(Duration.ofSeconds(5)).build();
        assertThat(new RetryQueues("items", p, "lot", false).delayArguments(5000)).isEqualTo(Map.of(
                "x-message-ttl", 5000L, "x-dead-letter-exchange", "", "x-dead-letter-routing-key", "items"));
        assertThat(new RetryQueues("items", p, "lot", true).delayArguments(5000)).containsEntry("x-queue-type", "quorum")
                .containsEntry("x-dead-letter-strategy", "at-least-once").containsEntry("x-overflow", "reject-publish");
        assertThat(new RetryQueues("items", p, "lot", false).names()).containsExactly("items.retry.5s", "lot");
    }
}
