package io.asyncworker.bench.rabbit;

import io.asyncworker.App;
import io.asyncworker.bench.Params;
import io.asyncworker.bench.Probe;
import io.asyncworker.rabbitmq.AmqpRoute;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Heap: an asyncworker worker holding N in-flight messages. Prefetch N, bulk 1000, so N/1000
 * handlers run at once, each blocked on a latch with its batch; live heap is read after GC.
 */
public final class AsyncworkerHold {
    private AsyncworkerHold() {
    }

    public static Map<String, Object> run(Params params) throws Exception {
        int count = params.getInt("count");
        long before = Probe.liveHeapBytes();
        AtomicLong held = new AtomicLong();
        CountDownLatch full = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        App app = App.create(AsyncworkerConsumer.settings());
        app.connection(AsyncworkerConsumer.connection(count));
        app.route(AmqpRoute.consume(params.get("queue")).bulkSize(Math.min(1000, count)).handler(batch -> {
            if (held.addAndGet(batch.size()) == count) {
                full.countDown();
            }
            release.await(5, TimeUnit.MINUTES);
        }));
        try {
            app.start();
            if (!full.await(params.getInt("timeoutSeconds", 300), TimeUnit.SECONDS)) {
                throw new IllegalStateException("held only " + held.get() + " of " + count);
            }
            long live = Probe.liveHeapBytes();
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("held", held.get());
            result.put("heapBeforeMiB", Probe.mib(before));
            result.put("heapMiB", Probe.mib(live));
            release.countDown();
            return result;
        } finally {
            release.countDown();
            app.close();
        }
    }
}
