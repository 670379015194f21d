package io.asyncworker.test.internal;

import io.asyncworker.spi.SettleSink;
import io.asyncworker.spi.Verdict;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out a batch's verdicts in the in-memory queues, then lets each queue deliver into the room
 * the settled messages left. A verdict for a delivery of a dead channel is ignored: the message went
 * back to its queue when the channel died.
 *
 * <p>Called on handler threads, on the thread that added a message to a closed pipeline, or on the
 * stopping thread; calls may overlap, the queues serialize them.
 */
final class MemorySettler implements SettleSink<MemoryDelivery> {
    private static final Logger LOG = LoggerFactory.getLogger(MemorySettler.class);
    private final String route;

    MemorySettler(String route) {
        this.route = route;
    }

    @Override
    public void settle(List<MemoryDelivery> batch, List<Verdict> verdicts) {
        Set<MemoryQueue> touched = new LinkedHashSet<>();
        int ignored = 0;
        for (int i = 0; i < batch.size(); i++) {
            MemoryQueue queue = batch.get(i).subscription().queue();
            ignored += queue.settle(batch.get(i), verdicts.get(i)) ? 0 : 1;
            touched.add(queue);
        }
        if (ignored > 0) {
            LOG.debug("route '{}': {} settlements for deliveries of a dead channel ignored; the broker delivers "
                    + "those messages again", route, ignored);
        }
        touched.forEach(MemoryQueue::pump);
    }
}
