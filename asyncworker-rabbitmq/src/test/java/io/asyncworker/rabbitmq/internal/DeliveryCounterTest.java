package io.asyncworker.rabbitmq.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DeliveryCounterTest {
    private final DeliveryCounter counter = new DeliveryCounter(3);

    @Test
    void quorumQueuesCountWithTheirHeader() {
        assertThat(counter.delivered(2L, true, null)).isEqualTo(3);
        assertThat(counter.size()).isZero();
    }

    @Test
    void firstDeliveryOfAClassicMessageIsOneAndIsNotRemembered() {
        assertThat(counter.delivered(null, false, "k")).isEqualTo(1);
        assertThat(counter.size()).isZero();
    }

    @Test
    void classicRedeliveriesCountUpPerKey() {
        assertThat(counter.delivered(null, true, "k")).isEqualTo(2);
        assertThat(counter.delivered(null, true, "k")).isEqualTo(3);
        assertThat(counter.delivered(null, true, "other")).isEqualTo(2);
    }

    @Test
    void forgettingASettledMessageRestartsItsCount() {
        counter.delivered(null, true, "k");
        counter.delivered(null, true, "k");
        counter.forget("k");
        assertThat(counter.delivered(null, true, "k")).isEqualTo(2);
    }

    @Test
    void memoryIsBoundedByDroppingTheLeastRecentlyUsed() {
        counter.delivered(null, true, "a");
        counter.delivered(null, true, "b");
        counter.delivered(null, true, "c");
        counter.delivered(null, true, "d");
        assertThat(counter.size()).isEqualTo(3);
        assertThat(counter.delivered(null, true, "a")).isEqualTo(2);
    }
}
