package io.asyncworker.rabbitmq.internal;

import io.asyncworker.rabbitmq.PublishException.Failure;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Sends publishes alone on a channel of their own and waits for each one's outcome, so that a
 * channel error they cause is theirs only: the first publish to each exchange (a missing
 * exchange, an internal one or one without write access closes the channel), and publishes whose
 * shared channel closed for an error no exchange explains. An exchange whose first publish was
 * answered without a channel error is verified: later publishes to it share the slot channels.
 *
 * <p>Thread-safe: one publish at a time is on the probe channel (a lock); the verified names
 * are a concurrent set, forgotten when the connection is reopened or an error names them.
 */
final class ExchangeProbe {
    /** Bounds memory when an app publishes to ever new exchange names; refilled as they are used. */
    private static final int MAX_VERIFIED = 10_000;

    private final PublishConnection connection;
    private final Duration timeout;
    private final Set<String> verified = ConcurrentHashMap.newKeySet();
    private final ReentrantLock lock = new ReentrantLock();
    private PublishChannel channel;

    ExchangeProbe(PublishConnection connection, Duration timeout) {
        this.connection = connection;
        this.timeout = timeout;
    }

    boolean isVerified(String exchange) {
        return verified.contains(exchange);
    }

    /** A channel error named the exchange: its next publish is sent alone again. */
    void forget(String exchange) {
        verified.remove(exchange);
    }

    /** A new connection: every exchange is checked again. */
    void reset() {
        verified.clear();
    }

    /**
     * Sends the first publish to an exchange alone and waits for its outcome.
     *
     * @return false when the exchange was verified meanwhile: nothing was sent here
     */
    boolean sendFirst(PendingPublish p) {
        lock.lock();
        try {
            if (verified.contains(p.message().exchange())) {
                return false;
            }
            sendAlone(p);
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Sends a publish alone and waits for its outcome (at most the confirm timeout). */
    void resendAlone(PendingPublish p) {
        lock.lock();
        try {
            sendAlone(p);
        } finally {
            lock.unlock();
        }
    }

    private void sendAlone(PendingPublish p) {
        if (p.done().isDone()) {
            return; // answered meanwhile (e.g. timed out): never sent twice on our own
        }
        PublishChannel ch = sent(p);
        if (ch != null && answered(p, ch) && ch.usable() && verified.size() < MAX_VERIFIED) {
            verified.add(p.message().exchange());
        }
    }

    /** Waits for the broker's answer; without one in time, fails it and gives the channel up. */
    private boolean answered(PendingPublish p, PublishChannel ch) {
        try {
            p.done().get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            return true;
        } catch (ExecutionException answered) {
            return true; // its own outcome (unroutable, nacked, the channel error it caused) is in its future
        } catch (TimeoutException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            p.fail(Failure.UNCONFIRMED, (e instanceof TimeoutException ? "no publisher confirm within " + timeout
                    : "interrupted while waiting for the confirm") + "; it may or may not have been published", e);
            ch.abandon(); // it stays unanswered: no later publish may share the channel with it
            channel = null;
            return false;
        }
    }

    /** The channel it went out on; null when it could not be sent (it failed). */
    private PublishChannel sent(PendingPublish p) {
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                if (channel == null || !channel.usable()) {
                    channel = connection.newChannel(this::lost);
                }
            } catch (IOException | TimeoutException | RuntimeException e) {
                p.fail(Failure.NOT_SENT, "the publishing connection cannot be opened: " + Publisher.describe(e), e);
                return null;
            }
            if (channel.publish(p)) {
                return channel;
            }
        }
        p.fail(Failure.NOT_SENT, "the publishing channel closed three times before it could be sent", null);
        return null;
    }

    private void lost(PublishChannel ch, ChannelLoss loss, List<PendingPublish> open) {
        for (PendingPublish p : open) {
            ChannelLoss.Decision d = loss.decide(p, true);
            p.fail(d.failure(), d.reason(), loss.cause());
        }
    }
}
