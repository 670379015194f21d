package io.asyncworker.rabbitmq.internal;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import com.rabbitmq.client.ShutdownSignalException;
import io.asyncworker.rabbitmq.AmqpConnection;
import io.asyncworker.spi.Backoff;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Moves parked messages back to their queues, losing none (SPEC §14): in rounds of up to
 * {@link #ROUND} messages, each is taken with {@code basic.get} without auto-ack and published
 * (mandatory, persistent as it was, attempt reset) to its queue on the same confirm channel; once
 * the broker confirmed the whole round, it is acked out of the lot. A failure anywhere before that
 * ack returns the round's messages to the lot (the broker requeues what a closed channel had not
 * acked), so a message is at worst replayed twice, never lost. A lost connection is opened again
 * with backoff, up to {@link #MAX_FAILURES} times in a row without progress.
 *
 * <p>One replay at a time, on the caller's thread.
 */
final class Replay {
    static final int ROUND = 200;
    static final int MAX_FAILURES = 8;
    private static final Duration CONFIRM_WAIT = Duration.ofSeconds(30);

    private final AmqpParkingLot lot;
    private final AmqpConnection connection;
    private final Supplier<Instant> clock;
    private final Consumer<String> progress;
    private final Set<String> checked = new HashSet<>();
    private Backoff backoff = Backoff.of(Duration.ofMillis(200), Duration.ofSeconds(5));
    private long moved;

    Replay(AmqpParkingLot lot, AmqpConnection connection, Supplier<Instant> clock, Consumer<String> progress) {
        this.lot = lot;
        this.connection = connection;
        this.clock = clock;
        this.progress = progress;
    }

    long run(long limit) {
        int failures = 0;
        while (true) {
            long before = moved;
            try (Connection c = connection.connectionFactory().newConnection(connection.name() + "-parking-lot-replay")) {
                return replay(c, limit);
            } catch (IOException | TimeoutException | ShutdownSignalException e) {
                failures = moved > before ? 1 : failures + 1;
                if (failures > MAX_FAILURES) {
                    throw new IllegalStateException("replay of parking lot '" + lot.lot() + "' stopped after " + moved
                            + " messages, " + MAX_FAILURES + " failures in a row: " + Topology.reason(e) + "; the rest stay parked", e);
                }
                Duration wait = backoff.delay(ThreadLocalRandom.current().nextDouble());
                backoff = backoff.next();
                progress.accept("the connection failed after " + moved + " messages (" + Topology.reason(e)
                        + "); the unconfirmed round stays parked; reconnecting in " + wait.toMillis() + " ms");
                pause(wait);
            }
        }
    }

    private long replay(Connection c, long limit) throws IOException, TimeoutException {
        try (Channel ch = c.createChannel()) {
            ch.confirmSelect();
            Returned returned = new Returned();
            ch.addReturnListener(r -> returned.set(r.getRoutingKey(), r.getReplyText()));
            while (moved < limit) {
                if (round(c, ch, (int) Math.min(ROUND, limit - moved), returned) == 0) {
                    break;
                }
                backoff = backoff.reset();
            }
            return moved;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("replay interrupted after " + moved + " messages; the rest stay parked");
        }
    }

    /** One round: get, publish, wait for every confirm, ack. {@return how many moved} */
    private int round(Connection c, Channel ch, int max, Returned returned)
            throws IOException, TimeoutException, InterruptedException {
        long last = -1;
        int n = 0;
        String stop = null;
        GetResponse r;
        while (n < max && (r = ch.basicGet(lot.lot(), false)) != null) {
            long tag = r.getEnvelope().getDeliveryTag();
            String queue = lot.destinationOf(r.getProps().getHeaders()).orElse(null);
            stop = queue == null ? "a message names no queue to go back to" : problem(c, queue);
            if (stop != null) {
                ch.basicNack(tag, false, true); // it stays first in the lot
                break;
            }
            ch.basicPublish("", queue, true, FailureHeaders.replay(r.getProps(), clock.get()), r.getBody());
            last = tag;
            n++;
        }
        if (n > 0) {
            confirmAndAck(ch, last, returned);
            moved += n;
        }
        if (stop != null) {
            throw new IllegalStateException("replay stopped after " + moved + " messages: " + stop + "; the rest stay parked");
        }
        return n;
    }

    private void confirmAndAck(Channel ch, long last, Returned returned) throws IOException, TimeoutException,
            InterruptedException {
        ch.waitForConfirmsOrDie(CONFIRM_WAIT.toMillis());
        if (returned.routingKey != null) {
            ch.basicNack(last, true, true);
            throw new IllegalStateException("replay stopped after " + moved + " messages: the broker returned a message "
                    + "for queue '" + returned.routingKey + "' (" + returned.reason + "); the round stays parked");
        }
        ch.basicAck(last, true);
    }

    /** Why a queue cannot take the message, or {@code null} when it exists (asked once per queue). */
    private String problem(Connection c, String queue) throws IOException, TimeoutException {
        if (checked.contains(queue)) {
            return null;
        }
        String missing = missing(c, queue);
        if (missing == null) {
            checked.add(queue);
        }
        return missing;
    }

    /** Why a queue cannot take messages, or {@code null} when it exists. */
    private static String missing(Connection c, String queue) throws IOException, TimeoutException {
        try (Channel probe = c.createChannel()) {
            probe.queueDeclarePassive(queue);
            return null;
        } catch (IOException e) {
            if (Topology.reason(e).contains("NOT_FOUND")) {
                return "queue '" + queue + "' does not exist";
            }
            throw e;
        }
    }

    private void pause(Duration wait) {
        try {
            Thread.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("replay interrupted after " + moved + " messages; the rest stay parked");
        }
    }

    /** The first message the broker returned as unroutable, set on amqp-client's thread. */
    private static final class Returned {
        private volatile String routingKey;
        private volatile String reason;

        void set(String key, String why) {
            if (routingKey == null) {
                reason = why;
                routingKey = key;
            }
        }
    }
}
