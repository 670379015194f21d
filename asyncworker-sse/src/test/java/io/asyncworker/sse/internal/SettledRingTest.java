package io.asyncworker.sse.internal;

import static io.asyncworker.Action.ACK;
import static io.asyncworker.Action.REJECT;
import static io.asyncworker.Action.REQUEUE;
import static org.assertj.core.api.Assertions.assertThat;

import io.asyncworker.Action;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SettledRingTest {
    private final SettledRing ring = new SettledRing();

    @Test
    void keepsAndForgetsSettlementsBySequenceNumber() {
        ring.put(0, 3, REJECT, "3");
        ring.put(0, 1, ACK, "1");
        assertThat(ring.contains(1)).isTrue();
        assertThat(ring.contains(2)).isFalse();
        assertThat(ring.action(3)).isEqualTo(REJECT);
        assertThat(ring.lastEventId(1)).isEqualTo("1");
        ring.remove(1);
        assertThat(ring.contains(1)).isFalse();
        assertThat(ring.size()).isEqualTo(1);
    }

    @Test
    void aSecondSettlementOfTheSameEventReplacesTheFirst() {
        ring.put(0, 5, ACK, "a");
        ring.put(0, 5, REQUEUE, "b");
        assertThat(ring.size()).isEqualTo(1);
        assertThat(ring.action(5)).isEqualTo(REQUEUE);
        assertThat(ring.lastEventId(5)).isEqualTo("b");
    }

    @Test
    void numbersThatShareASlotAfterTheBaseMovedDoNotCollide() {
        int capacity = ring.capacity();
        ring.put(0, 1, ACK, "1");
        ring.remove(1);
        ring.put(2, 1 + capacity, REJECT, "x");
        assertThat(ring.contains(1)).isFalse();
        assertThat(ring.contains(1 + capacity)).isTrue();
    }

    @Test
    void growsWhenASettlementLiesBeyondTheRingAndKeepsWhatItHeld() {
        int capacity = ring.capacity();
        ring.put(10, 11, ACK, "11");
        ring.put(10, 10 + capacity - 1, REJECT, "last");
        ring.put(10, 10 + 5L * capacity, REQUEUE, "far");
        assertThat(ring.capacity()).isGreaterThan(5 * capacity);
        assertThat(ring.lastEventId(11)).isEqualTo("11");
        assertThat(ring.action(10 + capacity - 1)).isEqualTo(REJECT);
        assertThat(ring.action(10 + 5L * capacity)).isEqualTo(REQUEUE);
        assertThat(ring.size()).isEqualTo(3);
    }

    @Test
    void behavesLikeAMapUnderAMovingWatermark() {
        Random random = new Random(7);
        Map<Long, String> expected = new HashMap<>();
        long watermark = 1L << 40; // far from zero: slots come from the low bits only
        for (int step = 0; step < 200_000; step++) {
            if (random.nextInt(3) > 0) {
                long seq = watermark + 1 + random.nextInt(random.nextBoolean() ? 20 : 3000);
                Action action = Action.values()[random.nextInt(Action.values().length)];
                ring.put(watermark, seq, action, action + "@" + seq);
                expected.put(seq, action + "@" + seq);
            } else {
                watermark++;
                while (ring.contains(watermark)) {
                    assertThat(ring.lastEventId(watermark)).isEqualTo(expected.remove(watermark));
                    ring.remove(watermark);
                    watermark++;
                }
                assertThat(expected.containsKey(watermark)).isFalse();
            }
            assertThat(ring.size()).isEqualTo(expected.size());
        }
        for (var e : expected.entrySet()) {
            assertThat(ring.contains(e.getKey())).isTrue();
            assertThat(ring.lastEventId(e.getKey())).isEqualTo(e.getValue());
        }
    }
}
