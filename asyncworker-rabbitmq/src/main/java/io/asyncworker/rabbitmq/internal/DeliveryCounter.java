package io.asyncworker.rabbitmq.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Counts deliveries for {@code deliveryCount()} and {@code maxDeliveries}.
 *
 * <p>Quorum queues count themselves: {@code x-delivery-count} holds the earlier deliveries, so
 * the count is that plus one. Classic queues only say "redelivered", so this process keeps, per
 * message key (its {@code message-id}, else a digest of queue, routing key and body), how many
 * times it saw the message redelivered: a first delivery is 1, a redelivery the remembered count
 * plus one (at least 2). Only redelivered messages are remembered, until they are acked or
 * rejected; the map is bounded (least recently used entries go first). The count is per worker
 * process: it restarts at 2 after a restart, and several workers each count their own share.
 *
 * <p>Thread-safe.
 */
final class DeliveryCounter {
    private final Map<String, Long> seen;

    DeliveryCounter(int capacity) {
        this.seen = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
                return size() > capacity;
            }
        };
    }

    /**
     * The delivery count of a message arriving now.
     *
     * @param xDeliveryCount the quorum queue's header, or {@code null} on classic queues
     * @param key            the message key, used only for classic redeliveries
     */
    long delivered(Number xDeliveryCount, boolean redelivered, String key) {
        if (xDeliveryCount != null) {
            return xDeliveryCount.longValue() + 1;
        }
        if (!redelivered) {
            return 1;
        }
        synchronized (this) {
            long count = Math.max(2, seen.getOrDefault(key, 1L) + 1);
            seen.put(key, count);
            return count;
        }
    }

    /** Forgets a message that was settled for good (acked or rejected). */
    synchronized void forget(String key) {
        seen.remove(key);
    }

    synchronized int size() {
        return seen.size();
    }
}
