package io.asyncworker.http.internal;

import io.vertx.core.VertxException;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** JSON answers for what the router itself rejects; all run on the event loop. */
final class RouterErrors {
    private static final Logger LOG = LoggerFactory.getLogger(RouterErrors.class);
    /** The {@link RoutingContext} key under which a route's body limit is stored. */
    static final String BODY_LIMIT = "asyncworker.bodyLimit";

    private RouterErrors() {
    }

    /** 404: no route has this path. */
    static void notFound(RoutingContext rc, HttpMetrics metrics) {
        send(rc, metrics, Reply.error(404, "not found", "method", rc.request().method().name(), "path", rc.request().path()));
    }

    /** 405: routes have this path, but not this method. */
    static void methodNotAllowed(RoutingContext rc, List<String> allowed, HttpMetrics metrics) {
        String method = rc.request().method().name();
        Reply reply = Reply.error(405, "method " + method + " not allowed", "allowed", allowed);
        send(rc, metrics, reply.withHeader("Allow", String.join(", ", allowed)));
    }

    /** A failed request: 413 over the body limit, 500 for a failure in the server, else the status. */
    static void failure(RoutingContext rc, HttpMetrics metrics) {
        int status = rc.statusCode() < 400 ? 500 : rc.statusCode();
        if (status == 413) {
            long limit = rc.get(BODY_LIMIT, -1L);
            send(rc, metrics, Reply.error(413, "request body too large", "limit", limit));
        } else if (status >= 500) {
            LOG.error("HTTP request {} {} failed in route '{}'", rc.request().method(), rc.request().path(),
                    HttpMetrics.template(rc), rc.failure());
            send(rc, metrics, Reply.error(status, "internal server error"));
        } else {
            send(rc, metrics, Reply.error(status, switch (status) {
                case 400 -> badRequest(rc.failure());
                case 404 -> "not found";
                default -> "request failed with status " + status;
            }));
        }
    }

    /**
     * 400 for a request the router cannot match at all (Vert.x does not pass the cause on); without
     * this handler Vert.x would log it at ERROR and answer in plain text.
     */
    static void unmatchable(RoutingContext rc, HttpMetrics metrics) {
        send(rc, metrics, Reply.error(400, "malformed request path"));
    }

    /** Vert.x's own 400s (no {@code Host} header, an empty path) carry a message meant for the client. */
    private static String badRequest(Throwable failure) {
        return failure instanceof VertxException v && v.getMessage() != null ? v.getMessage() : "bad request";
    }

    private static void send(RoutingContext rc, HttpMetrics metrics, Reply reply) {
        if (reply.status() < 500) {
            LOG.debug("HTTP {} {} answered {}", rc.request().method(), rc.request().path(), reply.status());
        }
        HttpServerResponse response = rc.response();
        if (response.ended() || response.closed()) {
            return;
        }
        if (response.headWritten()) {
            metrics.record(rc, response.getStatusCode());
            response.reset();
            return;
        }
        reply.writeTo(response, rc.request().method() == io.vertx.core.http.HttpMethod.HEAD)
                .onComplete(ar -> metrics.record(rc, reply.status()));
    }
}
