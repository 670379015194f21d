package io.asyncworker.internal.batch;

import static org.assertj.core.api.Assertions.assertThat;

import io.asyncworker.spi.FlushReason;
import io.asyncworker.spi.ManualTimerService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BucketTest {
    private final ManualTimerService timer = new ManualTimerService();
    private final List<List<Integer>> batches = new ArrayList<>();
    private final List<FlushReason> reasons = new ArrayList<>();

    private Bucket<Integer> bucket(int bulkSize, Duration timeout) {
        return new Bucket<>(bulkSize, timeout, timer, (batch, reason) -> {
            batches.add(batch);
            reasons.add(reason);
        });
    }

    @Test
    void flushesAsSoonAsTheBulkSizeIsReached() {
        Bucket<Integer> b = bucket(3, Duration.ofSeconds(5));
        b.add(1);
        b.add(2);
        assertThat(batches).isEmpty();
        b.add(3);
        assertThat(batches).containsExactly(List.of(1, 2, 3));
        assertThat(reasons).containsExactly(FlushReason.SIZE);
        assertThat(timer.pending()).as("the timeout of a flushed batch is cancelled").isZero();
    }

    @Test
    void bulkSizeOneDeliversEveryMessageAlone() {
        Bucket<Integer> b = bucket(1, Duration.ofSeconds(5));
        b.add(1);
        b.add(2);
        assertThat(batches).containsExactly(List.of(1), List.of(2));
    }

    @Test
    void flushesAPartialBatchWhenTheTimeoutPassesSinceItsFirstMessage() {
        Bucket<Integer> b = bucket(10, Duration.ofSeconds(5));
        b.add(1);
        timer.advance(Duration.ofSeconds(3));
        b.add(2);
        timer.advance(Duration.ofMillis(1999));
        assertThat(batches).isEmpty();
        timer.advance(Duration.ofMillis(1));
        assertThat(batches).containsExactly(List.of(1, 2));
        assertThat(reasons).containsExactly(FlushReason.TIMEOUT);
    }

    @Test
    void timeoutStartsAgainWithTheFirstMessageOfTheNextBatchNotOnAGlobalTick() {
        Bucket<Integer> b = bucket(2, Duration.ofSeconds(5));
        b.add(1);
        timer.advance(Duration.ofSeconds(4));
        b.add(2);
        b.add(3);
        timer.advance(Duration.ofSeconds(4));
        assertThat(batches).as("a global 5 s tick would have flushed [3] already").containsExactly(List.of(1, 2));
        timer.advance(Duration.ofSeconds(1));
        assertThat(batches).containsExactly(List.of(1, 2), List.of(3));
    }

    @Test
    void staleTimeoutOfAnEarlierBatchDoesNotFlushTheNextOne() {
        Bucket<Integer> b = bucket(2, Duration.ofSeconds(5));
        b.add(1);
        b.add(2);
        b.add(3);
        timer.advance(Duration.ofSeconds(4));
        assertThat(batches).containsExactly(List.of(1, 2));
        timer.advance(Duration.ofSeconds(1));
        assertThat(batches).containsExactly(List.of(1, 2), List.of(3));
        assertThat(reasons).containsExactly(FlushReason.SIZE, FlushReason.TIMEOUT);
    }

    @Test
    void explicitFlushDeliversThePartialBatchWithItsReason() {
        Bucket<Integer> b = bucket(10, Duration.ofSeconds(5));
        b.flush(FlushReason.SHUTDOWN);
        assertThat(batches).as("an empty bucket delivers nothing").isEmpty();
        b.add(1);
        b.flush(FlushReason.SHUTDOWN);
        assertThat(batches).containsExactly(List.of(1));
        assertThat(reasons).containsExactly(FlushReason.SHUTDOWN);
        timer.advance(Duration.ofSeconds(10));
        assertThat(batches).hasSize(1);
    }

    @Test
    void discardRemovesMatchingMessagesAndKeepsTheTimerForTheRest() {
        Bucket<Integer> b = bucket(10, Duration.ofSeconds(5));
        b.add(1);
        b.add(2);
        b.add(3);
        assertThat(b.discard(n -> n % 2 == 1)).containsExactly(1, 3);
        assertThat(b.size()).isEqualTo(1);
        timer.advance(Duration.ofSeconds(5));
        assertThat(batches).containsExactly(List.of(2));
    }

    @Test
    void discardingEverythingCancelsTheTimeout() {
        Bucket<Integer> b = bucket(10, Duration.ofSeconds(5));
        b.add(1);
        b.discard(n -> true);
        assertThat(timer.pending()).isZero();
        b.add(2);
        timer.advance(Duration.ofSeconds(4));
        assertThat(batches).isEmpty();
        timer.advance(Duration.ofSeconds(1));
        assertThat(batches).containsExactly(List.of(2));
    }

    @Test
    void keepsArrivalOrderInsideBatches() {
        Bucket<Integer> b = bucket(4, Duration.ofSeconds(1));
        for (int i = 0; i < 10; i++) {
            b.add(i);
        }
        b.flush(FlushReason.SHUTDOWN);
        assertThat(batches).containsExactly(List.of(0, 1, 2, 3), List.of(4, 5, 6, 7), List.of(8, 9));
    }
}
