package io.asyncworker.rabbitmq.internal;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.ShutdownSignalException;
import io.asyncworker.RetryPolicy;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Where the broker holds the retries of one queue (SPEC §14): a delay queue per distinct delay of
 * the route's policy, {@code <queue>.retry.<delay>} (e.g. {@code items.retry.5s}), whose message TTL
 * dead-letters each message back to the queue through the default exchange, and the parking lot,
 * {@code <queue>.parking-lot} unless the route names one. Declared by every replica alike, so the
 * declarations are idempotent; they follow the route's queue type (quorum with at-least-once
 * dead-lettering when the route declares a quorum queue, else durable classic).
 *
 * <p>Immutable; thread-safe.
 */
final class RetryQueues {
    /** The suffix of a queue's own parking lot. */
    static final String PARKING_LOT = ".parking-lot";
    /** The most delay queues one queue may get: each is a queue on the broker. */
    static final int MAX_DELAY_QUEUES = 50;

    private final String queue;
    private final NavigableMap<Long, String> delayQueues = new TreeMap<>();
    private final String parkingLot;
    private final boolean quorum;

    /**
     * @param parkingLot the route's own parking lot, {@code null} for {@code <queue>.parking-lot}
     */
    RetryQueues(String queue, RetryPolicy policy, String parkingLot, boolean quorum) {
        this.queue = queue;
        for (Duration d : policy.delays()) {
            delayQueues.put(d.toMillis(), delayQueue(queue, d));
        }
        this.parkingLot = parkingLot != null ? parkingLot : queue + PARKING_LOT;
        this.quorum = quorum;
    }

    /** {@code <queue>.retry.<delay>}, the delay in the largest whole unit: {@code 500ms}, {@code 5s}, {@code 2m}, {@code 1h}, {@code 1d}. */
    static String delayQueue(String queue, Duration delay) {
        long ms = delay.toMillis();
        long[] units = {86_400_000L, 3_600_000L, 60_000L, 1_000L, 1L};
        String[] names = {"d", "h", "m", "s", "ms"};
        int i = 0;
        while (ms % units[i] != 0 || ms < units[i]) {
            i++;
        }
        return queue + ".retry." + ms / units[i] + names[i];
    }

    String queue() {
        return queue;
    }

    String parkingLot() {
        return parkingLot;
    }

    /** The delay queues, shortest delay first. */
    List<String> delayQueues() {
        return List.copyOf(delayQueues.values());
    }

    /** The delay queue of a delay: its own, else the next longer one, else the longest. */
    String delayQueueFor(Duration delay) {
        Map.Entry<Long, String> e = delayQueues.ceilingEntry(delay.toMillis());
        return e != null ? e.getValue() : delayQueues.lastEntry().getValue();
    }

    /**
     * Declares the delay queues and the parking lot on the channel.
     *
     * @throws IllegalStateException naming the queue when one exists with other arguments (the channel is then closed)
     * @throws IOException           when the channel fails otherwise
     */
    void declare(Channel ch) throws IOException {
        for (Map.Entry<Long, String> e : delayQueues.entrySet()) {
            declare(ch, e.getValue(), delayArguments(e.getKey()), "delay queue");
        }
        declare(ch, parkingLot, typeArguments(), "parking lot");
    }

    private void declare(Channel ch, String name, Map<String, Object> args, String what) throws IOException {
        try {
            ch.queueDeclare(name, true, false, false, args);
        } catch (IOException e) {
            if (e.getCause() instanceof ShutdownSignalException sig && String.valueOf(sig.getReason()).contains("inequivalent")) {
                throw new IllegalStateException("the " + what + " '" + name + "' of queue '" + queue + "' exists with other "
                        + "arguments than the retry policy needs (" + replyText(sig) + "); delete it, and it is declared again");
            }
            throw e;
        }
    }

    private static String replyText(ShutdownSignalException sig) {
        String reason = String.valueOf(sig.getReason());
        int at = reason.indexOf("inequivalent");
        int end = reason.indexOf(", class-id", at);
        return reason.substring(at, end < 0 ? reason.length() : end).replace("\"", "");
    }

    /** A TTL of the delay, dead-lettering to the queue through the default exchange. */
    Map<String, Object> delayArguments(long delayMillis) {
        Map<String, Object> args = typeArguments();
        args.put("x-message-ttl", delayMillis);
        args.put("x-dead-letter-exchange", "");
        args.put("x-dead-letter-routing-key", queue);
        if (quorum) {
            args.put("x-dead-letter-strategy", "at-least-once");
            args.put("x-overflow", "reject-publish");
        }
        return args;
    }

    private Map<String, Object> typeArguments() {
        Map<String, Object> args = new LinkedHashMap<>();
        if (quorum) {
            args.put("x-queue-type", "quorum");
        }
        return args;
    }

    /** Every queue it declares, for descriptions. */
    List<String> names() {
        List<String> all = new ArrayList<>(delayQueues.values());
        all.add(parkingLot);
        return all;
    }
}
