package io.asyncworker.http.internal;

import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a request meets before the router, on its event loop. A request that failed to decode gets a
 * JSON error in place of Vert.x's empty {@code text/plain} one: {@code 414} for a request line over
 * the limit, {@code 431} for headers over the limit, {@code 400} for unsafe framing
 * ({@link BadFraming}) or a malformed request. A decoded request whose path has a bad
 * percent-escape ({@code /items/%zz}), on which the router would log an ERROR stack trace and answer
 * in plain text, gets a JSON {@code 400}; every other request goes on to the router. Rejections are
 * timed under route {@value HttpMetrics#INVALID}, logged at DEBUG, and close the connection: after
 * a request that did not decode nothing tells where the next one starts, and a rejected body was
 * never read.
 */
final class BeforeRouting {
    private static final Logger LOG = LoggerFactory.getLogger(BeforeRouting.class);

    private final Router router;
    private final HttpMetrics metrics;
    private final ServerLimits limits;

    BeforeRouting(Router router, HttpMetrics metrics, ServerLimits limits) {
        this.router = router;
        this.metrics = metrics;
        this.limits = limits;
    }

    /** For {@code HttpServer.requestHandler}: a decoded request. */
    void decoded(HttpServerRequest request) {
        String path = request.path();
        Optional<String> problem = path == null ? Optional.empty() : PercentEscapes.problem(path);
        if (problem.isEmpty()) {
            router.handle(request);
        } else {
            reject(request, Reply.error(400, "malformed path: " + problem.get()), problem.get());
        }
    }

    /** For {@code HttpServer.invalidRequestHandler}: a request that failed to decode. */
    void invalid(HttpServerRequest request) {
        Throwable cause = request.decoderResult().cause();
        reject(request, reply(request.decoderResult()), cause == null ? "" : cause.toString());
    }

    /** Answers {@code reply} with {@code Connection: close}, then closes the connection. */
    private void reject(HttpServerRequest request, Reply reply, String why) {
        long started = System.nanoTime();
        String method = request.method().name();
        LOG.debug("HTTP {} from {} rejected with {}: {}", method, request.remoteAddress(), reply.status(), why);
        reply.withHeader("Connection", "close").writeTo(request.response(), false).onComplete(ar -> {
            metrics.recordInvalid(method, reply.status(), started);
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
