package io.asyncworker.spi;

import static org.assertj.core.api.Assertions.assertThat;

import io.asyncworker.Action;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RouteMetricsTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void theInflightGaugeFollowsTheInstanceThatRegisteredIt() {
        RouteMetrics a = RouteMetrics.of(registry, "items");
        a.inflight().set(3);
        assertThat(registry.get("asyncworker.handler.inflight").tag("route", "items").gauge().value()).isEqualTo(3);
    }

    @Test
    void metersCarryTheSpecNamesAndTags() {
        RouteMetrics m = RouteMetrics.of(registry, "items");
        m.received("q1", 5);
        m.settled("q1", Action.REQUEUE, 2);
        m.invalid("q1", "decode");
        m.flushed(5, FlushReason.TIMEOUT);
        m.handlerDone(Duration.ofMillis(3), true);
        m.consumerUp("q1", true);
        m.handlerError("java.io.IOException");
        assertThat(registry.get("asyncworker.messages.received").tags("route", "items", "queue", "q1").counter().count()).isEqualTo(5);
        assertThat(registry.get("asyncworker.messages.settled").tags("queue", "q1", "action", "requeue").counter().count()).isEqualTo(2);
        assertThat(registry.get("asyncworker.messages.invalid").tags("reason", "decode").counter().count()).isEqualTo(1);
        assertThat(registry.get("asyncworker.batch.flush").tags("reason", "timeout").counter().count()).isEqualTo(1);
        assertThat(registry.get("asyncworker.handler.duration").tags("result", "success").timer().count()).isEqualTo(1);
        assertThat(registry.get("asyncworker.consumer.up").tags("queue", "q1").gauge().value()).isEqualTo(1);
        assertThat(registry.get("asyncworker.handler.errors").tags("route", "items", "exception", "java.io.IOException")
                .counter().count()).isEqualTo(1);
    }

    @Test
    void countsGoToTheirOwnQueueWhenARouteAlternatesBetweenQueues() {
        RouteMetrics m = RouteMetrics.of(registry, "items");
        m.received("q1", 1);
        m.received("q2", 2);
        m.received(new String("q1"), 4); // an equal name that is another instance
        m.settled("q2", Action.ACK, 3);
        m.received("q2", 8);
        assertThat(registry.get("asyncworker.messages.received").tags("queue", "q1").counter().count()).isEqualTo(5);
        assertThat(registry.get("asyncworker.messages.received").tags("queue", "q2").counter().count()).isEqualTo(10);
        assertThat(registry.get("asyncworker.messages.settled").tags("queue", "q2", "action", "ack").counter().count())
                .isEqualTo(3);
    }

    @Test
    void retryMetersCapTheAttemptTagAndFollowTheParkingLotSize() {
        RouteMetrics m = RouteMetrics.of(registry, "items");
        m.retried("q1", 2);
        m.retried("q1", 10);
        m.retried("q1", 57);
        m.parked("q1", 3);
        m.replayed("q1", 4);
        m.retryFailed("q1", 1);
        m.parkingLot("q1.parking-lot").set(12);
        assertThat(registry.get("asyncworker.messages.retried").tags("queue", "q1", "attempt", "2").counter().count()).isEqualTo(1);
        assertThat(registry.get("asyncworker.messages.retried").tags("attempt", "10+").counter().count()).isEqualTo(2);
        assertThat(registry.get("asyncworker.messages.retried").counters()).hasSize(2);
        assertThat(registry.get("asyncworker.messages.parked").tags("route", "items", "queue", "q1").counter().count()).isEqualTo(3);
        assertThat(registry.get("asyncworker.messages.replayed").tags("queue", "q1").counter().count()).isEqualTo(4);
        assertThat(registry.get("asyncworker.messages.retry.failed").tags("queue", "q1").counter().count()).isEqualTo(1);
        assertThat(registry.get("asyncworker.parkinglot.messages").tags("queue", "q1.parking-lot").gauge().value()).isEqualTo(12);
        assertThat(m.parkingLot("q1.parking-lot")).as("made once").hasValue(12);
    }
}
