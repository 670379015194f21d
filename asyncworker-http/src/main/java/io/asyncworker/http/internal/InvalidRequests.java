package io.asyncworker.http.internal;

import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers a request that failed to decode, in place of Vert.x's empty {@code text/plain} answer: a
 * JSON error naming the problem ({@code 414} for a request line over the limit, {@code 431} for
 * headers over the limit, {@code 400} for unsafe framing or a malformed request), timed under
 * route {@value HttpMetrics#INVALID}, logged at DEBUG, and the connection closed: after a request
 * that did not decode, nothing tells where the next one starts. Runs on the event loop.
 */
final class InvalidRequests implements Handler<HttpServerRequest> {
    private static final Logger LOG = LoggerFactory.getLogger(InvalidRequests.class);

    private final HttpMetrics metrics;
    private final ServerLimits limits;

    InvalidRequests(HttpMetrics metrics, ServerLimits limits) {
        this.metrics = metrics;
        this.limits = limits;
    }

    @Override
    public void handle(HttpServerRequest request) {
        long started = System.nanoTime();
        Reply reply = reply(request.decoderResult());
        String method = request.method().name();
        LOG.debug("HTTP request from {} rejected with {}: {}", request.remoteAddress(), reply.status(),
                request.decoderResult().cause() == null ? "" : request.decoderResult().cause().toString());
        reject(request, reply, () -> metrics.recordInvalid(method, reply.status(), started));
    }

    /** Answers {@code reply} with {@code Connection: close}, then closes the connection. */
    static void reject(HttpServerRequest request, Reply reply, Runnable recorded) {
        reply.withHeader("Connection", "close").writeTo(request.response(), false).onComplete(ar -> {
            recorded.run();
            request.connection().close();
        });
    }

    private Reply reply(DecoderResult result) {
        Throwable cause = result.cause();
        if (cause instanceof TooLongHttpLineException) {
            return Reply.error(414, "request line too long", "limit", limits.maxRequestLine());
        }
        if (cause instanceof TooLongHttpHeaderException) {
            return Reply.error(431, "request headers too large", "limit", limits.maxHeaderSize());
        }
        if (cause instanceof BadFraming framing) {
            return Reply.error(400, framing.getMessage());
        }
        String text = cause == null || cause.getMessage() == null ? "" : cause.getMessage();
        return Reply.error(400, text.contains("Content-Length") ? "invalid or conflicting Content-Length"
                : "malformed HTTP request");
    }
}
