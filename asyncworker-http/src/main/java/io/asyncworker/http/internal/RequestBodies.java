package io.asyncworker.http.internal;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;

/** Whether a request carries a body that must be read before its handler runs. Stateless. */
final class RequestBodies {
    /** The body of a request without one; never written to. */
    static final Buffer EMPTY = Buffer.buffer(0);

    private RequestBodies() {
    }

    /**
     * True unless the request is already complete or its headers say it has no body (HTTP/1.1:
     * a body needs {@code Content-Length > 0} or {@code Transfer-Encoding}; HTTP/2 requests are
     * always read). GET and HEAD
     * requests then skip the body handler and its buffering altogether.
     */
    static boolean mayHaveBody(HttpServerRequest request) {
        if (request.isEnded()) {
            return false;
        }
        if (request.version() == HttpVersion.HTTP_2 || request.headers().contains(HttpHeaders.TRANSFER_ENCODING)) {
            return true;
        }
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        return length != null && !length.equals("0");
    }
}
