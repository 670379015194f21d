package io.asyncworker.jackson.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.util.BufferRecycler;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SlotRecyclerPoolTest {
    @Test
    void keepsAtMostItsCapacityAndHandsBackWhatWasReleased() {
        SlotRecyclerPool pool = SlotRecyclerPool.of(2);
        BufferRecycler a = new BufferRecycler();
        BufferRecycler b = new BufferRecycler();
        pool.releasePooled(a);
        pool.releasePooled(b);
        pool.releasePooled(new BufferRecycler());
        assertThat(pool.pooledCount()).isEqualTo(2);
        assertThat(Set.of(pool.acquirePooled(), pool.acquirePooled())).containsExactlyInAnyOrder(a, b);
        assertThat(pool.pooledCount()).isZero();
        assertThat(pool.acquirePooled()).isNotIn(a, b);
    }

    @Test
    void linksAcquiredRecyclersSoThatTheyComeBack() {
        SlotRecyclerPool pool = SlotRecyclerPool.of(4);
        BufferRecycler r = pool.acquireAndLinkPooled();
        r.releaseToPool();
        assertThat(pool.acquirePooled()).isSameAs(r);
    }

    @Test
    void neverHandsOneRecyclerToTwoThreadsAtOnce() throws Exception {
        SlotRecyclerPool pool = SlotRecyclerPool.of(4);
        Set<BufferRecycler> inUse = ConcurrentHashMap.newKeySet();
        AtomicInteger doubles = new AtomicInteger();
        List<Future<?>> done = new ArrayList<>();
        try (var executor = Executors.newFixedThreadPool(8)) {
            for (int t = 0; t < 8; t++) {
                done.add(executor.submit(() -> {
                    for (int i = 0; i < 20_000; i++) {
                        BufferRecycler r = pool.acquirePooled();
                        doubles.addAndGet(inUse.add(r) ? 0 : 1);
                        inUse.remove(r);
                        pool.releasePooled(r);
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        }
        assertThat(doubles).hasValue(0);
        assertThat(pool.pooledCount()).isBetween(1, 4);
    }

    @Test
    void refusesAPoolWithoutRoom() {
        assertThatThrownBy(() -> SlotRecyclerPool.of(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("capacity");
    }
}
