package io.asyncworker.http.internal;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;

/**
 * Reads a request body whole, up to a limit, then hands it on; in place of vertx-web's
 * {@code BodyHandler}, which also parses forms and prepares uploads that routes never see and
 * costs a handler, a context lookup and a composite buffer per request. A body over the limit
 * fails the request with {@code 413} (at once when {@code Content-Length} says so). Runs on the
 * event loop; one instance per request.
 */
final class BodyReader implements Handler<Buffer> {
    private final RoutingContext rc;
    private final long limit;
    private final Handler<Buffer> then;
    private Buffer body;
    private boolean tooLarge;

    private BodyReader(RoutingContext rc, long limit, Handler<Buffer> then, int expected) {
        this.rc = rc;
        this.limit = limit;
        this.then = then;
        this.body = Buffer.buffer(expected);
    }

    /** Reads the body of the request, calling {@code then} with it, or fails the request with 413. */
    static void read(RoutingContext rc, long limit, Handler<Buffer> then) {
        HttpServerRequest request = rc.request();
        long length = contentLength(request);
        if (length > limit) {
            tooLarge(rc, limit);
            return;
        }
        if (request.version() != HttpVersion.HTTP_2 && "100-continue".equalsIgnoreCase(request.getHeader(HttpHeaders.EXPECT))) {
            rc.response().writeContinue();
        }
        BodyReader reader = new BodyReader(rc, limit, then, (int) Math.min(length > 0 ? length : 1024, 64 * 1024));
        request.handler(reader).endHandler(end -> reader.end()).resume();
    }

    @Override
    public void handle(Buffer chunk) {
        if (tooLarge) {
            return;
        }
        if (body.length() + (long) chunk.length() > limit) {
            tooLarge = true;
            body = null;
            tooLarge(rc, limit);
            return;
        }
        body.appendBuffer(chunk);
    }

    private static void tooLarge(RoutingContext rc, long limit) {
        rc.put(RouterErrors.BODY_LIMIT, limit);
        rc.fail(413);
    }

    private void end() {
        if (!tooLarge) {
            then.handle(body);
        }
    }

    /** The declared length, or -1 when absent or not a number (the body is then read chunk by chunk). */
    private static long contentLength(HttpServerRequest request) {
        String value = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (value == null) {
            return -1;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
