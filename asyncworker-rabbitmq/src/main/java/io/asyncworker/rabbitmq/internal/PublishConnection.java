package io.asyncworker.rabbitmq.internal;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The publishing connection and its shared channels, opened on first use and again after a
 * failure. Channels are slots: the default exchange has its own, other exchanges share the rest by
 * name, so publishes to one exchange keep their order and an error on one exchange's channel
 * leaves the default exchange's alone.
 *
 * <p>Thread-safe: a lock guards opening; an open channel is found without it.
 */
final class PublishConnection {
    private final LazyConnection lazy;
    private final boolean confirms;
    private final PublishChannel.LossHandler onLoss;
    private final Runnable onNewConnection;
    private final AtomicReferenceArray<PublishChannel> slots;
    private final ReentrantLock lock = new ReentrantLock();
    /** The connection the channels were opened on; a different one from {@link #lazy} means it was reopened. */
    private Connection connection;

    /**
     * @param slots           how many shared channels (at least 1)
     * @param onLoss          told about the open publishes of a shared channel that closed
     * @param onNewConnection run when a connection was (re)opened, under the lock
     */
    PublishConnection(Supplier<ConnectionFactory> factory, String name, boolean confirms, int slots,
                      PublishChannel.LossHandler onLoss, Runnable onNewConnection) {
        this.lazy = new LazyConnection(factory, name, "aw-publisher-");
        this.confirms = confirms;
        this.onLoss = onLoss;
        this.onNewConnection = onNewConnection;
        this.slots = new AtomicReferenceArray<>(slots);
    }

    /** The slot of an exchange: 0 for the default exchange, the others by name. */
    static int slotOf(String exchange, int slots) {
        return slots == 1 || exchange.isEmpty() ? 0 : 1 + Math.floorMod(exchange.hashCode(), slots - 1);
    }

    /** The usable shared channel for an exchange, opened (with the connection) when needed. */
    PublishChannel forExchange(String exchange) throws IOException, TimeoutException {
        int slot = slotOf(exchange, slots.length());
        PublishChannel ch = slots.get(slot);
        if (ch != null && ch.usable()) {
            return ch;
        }
        lock.lock();
        try {
            ch = slots.get(slot);
            if (ch == null || !ch.usable()) {
                ch = PublishChannel.open(connection(), confirms, onLoss);
                slots.set(slot, ch);
            }
            return ch;
        } finally {
            lock.unlock();
        }
    }

    /** A new channel of its own, always in confirm mode. */
    PublishChannel newChannel(PublishChannel.LossHandler handler) throws IOException, TimeoutException {
        lock.lock();
        try {
            return PublishChannel.open(connection(), true, handler);
        } finally {
            lock.unlock();
        }
    }

    /** The open connection; the lock is held. */
    private Connection connection() throws IOException, TimeoutException {
        Connection c = lazy.get();
        if (c != connection) {
            connection = c;
            onNewConnection.run();
        }
        return c;
    }

    /**
     * Waits up to {@code wait} for the shared channels' open publishes to be answered, then closes
     * the connection; what is still open fails as unconfirmed. A later publish opens it again.
     */
    void close(Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        List<PublishChannel> open = new ArrayList<>();
        for (int i = 0; i < slots.length(); i++) {
            PublishChannel ch = slots.getAndSet(i, null);
            if (ch != null) {
                open.add(ch);
            }
        }
        try {
            for (PublishChannel ch : open) {
                ch.awaitIdle(deadline);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeConnection();
    }

    private void closeConnection() {
        lock.lock();
        try {
            lazy.close();
            connection = null;
        } finally {
            lock.unlock();
        }
    }
}
