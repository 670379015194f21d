package io.asyncworker.rabbitmq.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.AMQP;
import io.asyncworker.rabbitmq.RetryHeaders;
import io.asyncworker.spi.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FailureHeadersTest {
    private static final Instant T1 = Instant.parse("2026-12-01T10:00:00.123Z");
    private static final Instant T2 = Instant.parse("2026-12-01T10:05:00Z");
    private static final FailureHeaders.Origin ORIGIN = new FailureHeaders.Origin("items-route", "items", "orders", "created");
    private static final Verdict.Failure BOOM = new Verdict.Failure("java.lang.IllegalStateException", "boom");

    private static AMQP.BasicProperties original() {
        Map<String, Object> headers = new HashMap<>(Map.of("tenant", "acme", "CC", List.of("audit"),
                "x-delivery-count", 3L));
        return new AMQP.BasicProperties.Builder().messageId("m1").contentType("application/json").correlationId("c1")
                .appId("shop").priority(4).deliveryMode(2).expiration("60000").timestamp(new java.util.Date(0))
                .headers(headers).build();
    }

    @Test
    void aRetryCopyKeepsPropertiesAndHeadersAndCarriesTheNextAttemptAndTheFailure() {
        AMQP.BasicProperties p = FailureHeaders.retry(original(), ORIGIN, Verdict.retry(Duration.ofSeconds(1), 2, BOOM), T1);
        assertThat(p.getMessageId()).isEqualTo("m1");
        assertThat(p.getContentType()).isEqualTo("application/json");
        assertThat(p.getCorrelationId()).isEqualTo("c1");
        assertThat(p.getAppId()).isEqualTo("shop");
        assertThat(p.getPriority()).isEqualTo(4);
        assertThat(p.getTimestamp()).isEqualTo(new java.util.Date(0));
        assertThat(p.getExpiration()).as("a copy waits its delay queue's TTL").isNull();
        assertThat(p.getHeaders()).containsEntry("tenant", "acme").doesNotContainKeys("CC", "x-delivery-count")
                .containsEntry(RetryHeaders.ATTEMPT, 2)
                .containsEntry(RetryHeaders.ROUTE, "items-route").containsEntry(RetryHeaders.QUEUE, "items")
                .containsEntry(RetryHeaders.EXCEPTION, "java.lang.IllegalStateException")
                .containsEntry(RetryHeaders.EXCEPTION_MESSAGE, "boom")
                .containsEntry(RetryHeaders.FIRST_FAILURE, "2026-12-01T10:00:00.123Z")
                .containsEntry(RetryHeaders.LAST_FAILURE, "2026-12-01T10:00:00.123Z")
                .containsEntry(RetryHeaders.EXCHANGE, "orders").containsEntry(RetryHeaders.ROUTING_KEY, "created");
    }

    @Test
    void aLaterCopyKeepsTheFirstFailureAndTheOriginalDestination() {
        AMQP.BasicProperties first = FailureHeaders.retry(original(), ORIGIN, Verdict.retry(Duration.ofSeconds(1), 2, BOOM), T1);
        FailureHeaders.Origin deadLettered = new FailureHeaders.Origin("items-route", "items", "", "items");
        AMQP.BasicProperties parked = FailureHeaders.park(first, deadLettered,
                Verdict.park(3, new Verdict.Failure("java.io.IOException", "down")), T2);
        assertThat(parked.getHeaders()).containsEntry(RetryHeaders.ATTEMPTS, 3).doesNotContainKey(RetryHeaders.ATTEMPT)
                .containsEntry(RetryHeaders.FIRST_FAILURE, "2026-12-01T10:00:00.123Z")
                .containsEntry(RetryHeaders.LAST_FAILURE, "2026-12-01T10:05:00Z")
                .containsEntry(RetryHeaders.EXCEPTION, "java.io.IOException").containsEntry(RetryHeaders.EXCEPTION_MESSAGE, "down")
                .containsEntry(RetryHeaders.EXCHANGE, "orders").containsEntry(RetryHeaders.ROUTING_KEY, "created");
    }

    @Test
    void aReplayedMessageIsAFirstAttemptAgainMarkedAsReplayed() {
        AMQP.BasicProperties parked = FailureHeaders.park(original(), ORIGIN, Verdict.park(3, BOOM), T1);
        AMQP.BasicProperties replayed = FailureHeaders.replay(parked, T2);
        assertThat(replayed.getHeaders()).containsEntry("tenant", "acme").containsEntry(RetryHeaders.REPLAYED, T2.toString())
                .doesNotContainKeys(RetryHeaders.FAILURE.toArray(String[]::new));
        assertThat(replayed.getMessageId()).isEqualTo("m1");
        assertThat(FailureHeaders.attempt(replayed.getHeaders())).isEqualTo(1);
    }

    @Test
    void theAttemptHeaderIsReadFromNumbersAndTextAndIsAtLeastOne() {
        assertThat(FailureHeaders.attempt(null)).isEqualTo(1);
        assertThat(FailureHeaders.attempt(Map.of(RetryHeaders.ATTEMPT, 3))).isEqualTo(3);
        assertThat(FailureHeaders.attempt(Map.of(RetryHeaders.ATTEMPT, 4L))).isEqualTo(4);
        assertThat(FailureHeaders.attempt(Map.of(RetryHeaders.ATTEMPT, "5"))).isEqualTo(5);
        assertThat(FailureHeaders.attempt(Map.of(RetryHeaders.ATTEMPT, "five"))).isEqualTo(1);
        assertThat(FailureHeaders.attempt(Map.of(RetryHeaders.ATTEMPT, -2))).isEqualTo(1);
    }
}
