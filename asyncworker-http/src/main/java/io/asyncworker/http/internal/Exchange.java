package io.asyncworker.http.internal;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One request in flight between the event loop and its handler's virtual thread. {@link #send}
 * may be called from any thread, once. It writes from the calling thread: Vert.x responses are
 * thread-safe and hand the bytes to the connection's event loop themselves, so no extra task is
 * queued on the loop. The request timer records and the in-flight count drops when the write
 * completes.
 */
final class Exchange {
    private final RoutingContext rc;
    private final InFlight inFlight;
    private final HttpMetrics metrics;
    private final HttpMetrics.Timing timing;
    private final AtomicBoolean sent = new AtomicBoolean();

    Exchange(RoutingContext rc, InFlight inFlight, HttpMetrics metrics, HttpMetrics.Timing timing) {
        this.rc = rc;
        this.inFlight = inFlight;
        this.metrics = metrics;
        this.timing = timing;
        inFlight.begin();
    }

    void send(Reply reply) {
        if (!sent.compareAndSet(false, true)) {
            return;
        }
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
