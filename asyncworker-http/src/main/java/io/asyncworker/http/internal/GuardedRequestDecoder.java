package io.asyncworker.http.internal;

import io.netty.handler.codec.http.HttpMessage;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.impl.VertxHttpRequestDecoder;

/**
 * Vert.x's request decoder with unsafe framing rejected ({@link BadFraming}). Netty would read a
 * request with both {@code Content-Length} and {@code Transfer-Encoding: chunked} as chunked and
 * keep the connection open, and would read the body of a request with an unknown coding as the
 * next request. Here such a request fails to decode, so Vert.x hands it to the server's invalid
 * request handler and closes the connection once that answered; nothing after it is read.
 *
 * <p>Vert.x has no public hook for this, so the decoder extends its internal one; the hostile
 * client tests fail if a Vert.x upgrade changes it. One instance per connection, on its event loop.
 */
final class GuardedRequestDecoder extends VertxHttpRequestDecoder {

    GuardedRequestDecoder(HttpServerOptions options) {
        super(options);
    }

    /** Called once the head is parsed, before the body's framing is chosen; throwing fails the request. */
    @Override
    protected boolean isContentAlwaysEmpty(HttpMessage msg) {
        if (msg != null) {
            BadFraming.check(msg);
        }
        return super.isContentAlwaysEmpty(msg);
    }

    /** Unreachable after the check above; kept so the conflict can never be read as chunked. */
    @Override
    protected void handleTransferEncodingChunkedWithContentLength(HttpMessage message) {
        BadFraming.check(message);
        throw new IllegalStateException("both Content-Length and Transfer-Encoding are set");
    }
}
