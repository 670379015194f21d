package io.asyncworker.rabbitmq.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.asyncworker.FleetClaim;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AmqpFleetLockTest {
    private static final Instant DUE = Instant.parse("2026-12-01T03:00:00Z");

    @Test
    void aClaimQueueIsNamedAfterScheduleAndDueTime() {
        assertThat(AmqpFleetLock.queueName(FleetClaim.of("nightly", DUE, Duration.ofMinutes(3))))
                .isEqualTo("asyncworker.fleet.nightly.2026-12-01T03:00:00Z");
    }

    @Test
    void aLongScheduleNameIsHashedSoThatTheNameStaysWithinTheBrokersLimit() {
        String longName = "ü".repeat(200);
        String queue = AmqpFleetLock.queueName(FleetClaim.of(longName, DUE, Duration.ofMinutes(3)));
        assertThat(queue.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(255);
        assertThat(queue).startsWith("asyncworker.fleet.sha256-").endsWith("." + DUE);
        assertThat(AmqpFleetLock.queueName(FleetClaim.of(longName + "x", DUE, Duration.ofMinutes(3)))).isNotEqualTo(queue);
    }
}
