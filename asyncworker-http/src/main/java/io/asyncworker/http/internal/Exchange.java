package io.asyncworker.http.internal;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One request in flight between the event loop and its handler's virtual thread. {@link #send}
 * may be called from any thread, once. Off the request's event loop it hands the write to that
 * loop as one task ({@code runOnContext}): written from the handler's thread, Vert.x takes the
 * connection's monitor there (which the loop holds while it reads, so a virtual thread parks and
 * is woken through the JDK's unblocker thread) and wakes the loop once per frame. The reply is
 * already encoded, so no user code runs on the loop. The request timer records and the
 * in-flight count drops when the write completes.
 */
final class Exchange {
    private final RoutingContext rc;
    private final InFlight inFlight;
    private final HttpMetrics metrics;
    private final HttpMetrics.Timing timing;
    private final AtomicBoolean sent = new AtomicBoolean();
    /** The request's event-loop context, or null when made off one (tests). */
    private final Context loop;

    /** Made on the request's event loop, as the request is dispatched. */
    Exchange(RoutingContext rc, InFlight inFlight, HttpMetrics metrics, HttpMetrics.Timing timing) {
        this.rc = rc;
        Context current = Vertx.currentContext();
        this.loop = current != null && current.isEventLoopContext() ? current : null;
        this.inFlight = inFlight;
        this.metrics = metrics;
        this.timing = timing;
        inFlight.begin();
    }

    void send(Reply reply) {
        if (!sent.compareAndSet(false, true)) {
            return;
        }
        if (loop == null || Vertx.currentContext() == loop) {
            write(reply);
        } else {
            try {
                loop.runOnContext(ignored -> write(reply));
            } catch (RuntimeException loopClosed) {
                done(reply); // the server is gone: nothing left to answer
            }
        }
    }

    private void write(Reply reply) {
        HttpServerResponse response = rc.response();
        try {
            if (response.ended() || response.closed()) {
                done(reply);
                return;
            }
            boolean head = rc.request().method() == io.vertx.core.http.HttpMethod.HEAD;
            reply.writeTo(response, head).onComplete(ar -> done(reply));
        } catch (RuntimeException closedMeanwhile) {
            // the client went away between the check and the write: nothing left to answer
            done(reply);
        }
    }

    /** The request is over: timed with the status answered (or meant to be), and out of flight. */
    private void done(Reply reply) {
        try {
            metrics.record(timing, rc.request().method().name(), reply.status());
        } finally {
            inFlight.end();
        }
    }
}
