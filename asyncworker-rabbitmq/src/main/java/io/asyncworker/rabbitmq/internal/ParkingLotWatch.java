package io.asyncworker.rabbitmq.internal;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import io.asyncworker.ComponentHealth;
import io.asyncworker.spi.Cancellable;
import io.asyncworker.spi.TimerService;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the size of one parking lot for health and metrics: every {@link #INTERVAL} (on the app's
 * timer) a passive declare on the route's consuming connection reads the queue's message count
 * into the {@code asyncworker.parkinglot.messages} gauge and the health detail. The component is
 * always {@code UP}, growing or not: parked messages wait for a person, and a worker that parks is
 * working as designed, so readiness must not take it out of service (alert on the gauge instead).
 *
 * <p>Thread-safe: checks run on virtual threads started by timer tasks, health reads anywhere.
 */
final class ParkingLotWatch {
    private static final Logger LOG = LoggerFactory.getLogger(ParkingLotWatch.class);
    /** How often the size is read. */
    static final Duration INTERVAL = Duration.ofSeconds(30);

    private final String route;
    private final String lot;
    private final ConsumerConnection connection;
    private final TimerService timer;
    private final AtomicLong gauge;
    private volatile long size = -1;
    private volatile long before = -1;
    private volatile boolean stopped;
    private volatile Cancellable next = () -> { };

    ParkingLotWatch(String route, String lot, ConsumerConnection connection, TimerService timer, AtomicLong gauge) {
        this.route = route;
        this.lot = lot;
        this.connection = connection;
        this.timer = timer;
        this.gauge = gauge;
    }

    /** Reads the size now, then every {@link #INTERVAL}. */
    void start() {
        Thread.ofVirtual().name("aw-parking-lot-watch").start(this::check);
    }

    void stop() {
        stopped = true;
        next.cancel();
    }

    private void check() {
        if (stopped) {
            return;
        }
        Connection c = connection.current();
        if (c != null) {
            read(c);
        }
        if (!stopped) {
            next = timer.schedule(INTERVAL, () -> Thread.ofVirtual().name("aw-parking-lot-watch").start(this::check));
        }
    }

    private void read(Connection c) {
        try (Channel ch = c.createChannel()) {
            long count = ch.queueDeclarePassive(lot).getMessageCount();
            before = size;
            size = count;
            gauge.set(count);
        } catch (IOException | TimeoutException | RuntimeException e) {
            LOG.debug("route '{}': cannot read the size of parking lot '{}'", route, lot, e);
        }
    }

    ComponentHealth health() {
        long now = size;
        long prev = before;
        String detail = now < 0 ? "size not read yet" : now + (now == 1 ? " message" : " messages") + " parked"
                + (prev >= 0 && now > prev ? ", " + (now - prev) + " more than " + INTERVAL.toSeconds() + " s before" : "");
        return new ComponentHealth("parking-lot", route + "/" + lot, ComponentHealth.State.UP, detail);
    }
}
