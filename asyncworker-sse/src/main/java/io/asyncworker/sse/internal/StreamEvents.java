package io.asyncworker.sse.internal;

import io.asyncworker.spi.LogLimiter;
import io.asyncworker.spi.TimerService;
import io.asyncworker.sse.SseListener;
import io.asyncworker.sse.SseStreamControl;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells a route's {@link SseListener} what one stream does. Calls run on virtual threads, never
 * on the event loop, one at a time and in the order they were submitted: one thread drains the
 * waiting calls and ends when none are left. While {@value #MAX_WAITING} calls wait, further
 * comments are dropped and counted (lifecycle calls are few: at most a couple per connection).
 * A call that throws is logged, at most once per {@link LossLog#WINDOW}.
 *
 * <p>Thread-safe: the stream submits on its context, the drain runs on its own thread.
 */
final class StreamEvents {
    /** How many calls may wait before comments are dropped. */
    static final int MAX_WAITING = 1000;
    private static final Logger LOG = LoggerFactory.getLogger(StreamEvents.class);
    private static final ThreadFactory THREADS = Thread.ofVirtual().name("asyncworker-sse-listener-", 0).factory();

    /** One listener call. */
    @FunctionalInterface
    private interface Call {
        void run(SseListener listener, SseStreamControl stream) throws Exception;
    }

    private record Named(String method, Call call) {
    }

    private final SseListener listener;
    private final SseStreamControl control;
    private final LogLimiter failures;
    private final ReentrantLock lock = new ReentrantLock();
    private final ArrayDeque<Named> waiting = new ArrayDeque<>();
    private boolean draining;
    private long droppedComments;

    StreamEvents(Optional<SseListener> listener, SseStreamControl control, TimerService timer) {
        this.listener = listener.orElse(null);
        this.control = control;
        this.failures = LogLimiter.every(LossLog.WINDOW, timer);
    }

    /** A connection or attempt ended: errors always, the end of a connection when it was open. */
    void lost(Loss loss, String reason, boolean wasOpen) {
        if (loss.error()) {
            error(reason);
        }
        if (wasOpen) {
            closed(reason);
        }
    }

    void opened() {
        submit("onOpen", SseListener::onOpen, false);
    }

    void closed(String reason) {
        submit("onClosed", (l, s) -> l.onClosed(s, reason), false);
    }

    void error(String reason) {
        submit("onError", (l, s) -> l.onError(s, reason), false);
    }

    void comment(String text) {
        submit("onComment", (l, s) -> l.onComment(s, text), true);
    }

    private void submit(String method, Call call, boolean droppable) {
        if (listener == null) {
            return;
        }
        lock.lock();
        try {
            if (droppable && waiting.size() >= MAX_WAITING) {
                droppedComments++;
                return;
            }
            waiting.add(new Named(method, call));
            if (draining) {
                return;
            }
            draining = true;
        } finally {
            lock.unlock();
        }
        THREADS.newThread(this::drain).start();
    }

    private void drain() {
        Named next;
        while ((next = poll()) != null) {
            try {
                next.call().run(listener, control);
            } catch (Throwable e) { // whatever a listener throws must not end the drain
                failed(next.method(), e);
            }
        }
    }

    /** The next call, or null when none is left (then a later submit starts a new drain). */
    private Named poll() {
        long dropped;
        lock.lock();
        try {
            Named next = waiting.poll();
            if (next != null) {
                return next;
            }
            draining = false;
            dropped = droppedComments;
            droppedComments = 0;
        } finally {
            lock.unlock();
        }
        if (dropped > 0) {
            LOG.warn("route '{}': the SSE listener of {} fell behind; {} comments were dropped", control.route(),
                    control.url(), dropped);
        }
        return null;
    }

    private void failed(String method, Throwable e) {
        OptionalLong heldBack = failures.tryAcquire();
        if (heldBack.isPresent()) {
            LOG.warn("route '{}': the SSE listener's {} failed for {}{}; the stream goes on", control.route(), method,
                    control.url(), LogLimiter.heldBack(heldBack.getAsLong()), e);
        }
    }
}
