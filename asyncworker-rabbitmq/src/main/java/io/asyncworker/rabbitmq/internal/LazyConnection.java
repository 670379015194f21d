package io.asyncworker.rabbitmq.internal;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.io.IOException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A connection opened on first use and again after it was lost, on daemon threads so that one
 * nobody closed never keeps the JVM alive: the publishing connection and the fleet lock's.
 *
 * <p>Thread-safe: opening and closing are serialized by a lock.
 */
final class LazyConnection implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LazyConnection.class);
    private final Supplier<ConnectionFactory> factory;
    private final String name;
    private final ThreadFactory threads;
    private final ReentrantLock lock = new ReentrantLock();
    private Connection connection;

    /**
     * @param factory makes a configured connection factory
     * @param name    the connection's name at the broker
     * @param threads e.g. {@code "aw-publisher-"}, the prefix of its threads' names
     */
    LazyConnection(Supplier<ConnectionFactory> factory, String name, String threads) {
        this.factory = factory;
        this.name = name;
        this.threads = Thread.ofPlatform().daemon().name(threads, 0).factory();
    }

    /** The open connection, opened first when there is none or it was lost. */
    Connection get() throws IOException, TimeoutException {
        lock.lock();
        try {
            if (connection == null || !connection.isOpen()) {
                ConnectionFactory f = factory.get();
                f.setThreadFactory(threads);
                connection = f.newConnection(name);
                LOG.debug("connection '{}' opened", name);
            }
            return connection;
        } finally {
            lock.unlock();
        }
    }

    /** Closes the connection, if open; a later {@link #get()} opens it again. */
    @Override
    public void close() {
        lock.lock();
        try {
            if (connection != null && connection.isOpen()) {
                connection.close(5000);
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("closing connection '{}' failed", name, e);
        } finally {
            connection = null;
            lock.unlock();
        }
    }
}
