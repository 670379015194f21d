package io.asyncworker.http.internal;

import io.vertx.core.Context;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One request in flight between the event loop and its handler's virtual thread. {@link #send}
 * may be called from any thread, once; the write happens on the request's Vert.x context, and
 * the in-flight count drops when the write completes.
 */
final class Exchange {
    private final RoutingContext rc;
    private final Context context;
    private final InFlight inFlight;
    private final AtomicBoolean sent = new AtomicBoolean();

    Exchange(RoutingContext rc, Context context, InFlight inFlight) {
        this.rc = rc;
        this.context = context;
        this.inFlight = inFlight;
        inFlight.begin();
    }

    void send(Reply reply) {
        if (!sent.compareAndSet(false, true)) {
            return;
        }
        try {
            context.runOnContext(v -> write(reply));
        } catch (RuntimeException closed) {
            inFlight.end();
        }
    }

    private void write(Reply reply) {
        HttpServerResponse response = rc.response();
        if (response.ended() || response.closed()) {
            inFlight.end();
            return;
        }
        try {
            reply.writeTo(response).onComplete(ar -> inFlight.end());
        } catch (RuntimeException e) {
            inFlight.end();
            throw e;
        }
    }
}
