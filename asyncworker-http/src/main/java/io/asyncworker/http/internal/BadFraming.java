package io.asyncworker.http.internal;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpVersion;
import java.util.List;

/**
 * A request whose body length cannot be determined safely (RFC 9112 §6.1, §6.3): both
 * {@code Content-Length} and {@code Transfer-Encoding}, a transfer coding other than a single
 * {@code chunked}, or {@code Transfer-Encoding} in HTTP/1.0. Such a request is answered {@code 400}
 * and its connection closed, since where the next request starts is unknown: reading on would let a
 * request be smuggled in its body. The message is meant for the client.
 */
final class BadFraming extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private static final int ECHO_LIMIT = 40;

    private BadFraming(String message) {
        super(message, null);
    }

    /**
     * Checks a request head's framing headers.
     *
     * @throws BadFraming naming the conflict
     */
    static void check(HttpMessage message) {
        HttpHeaders headers = message.headers();
        if (!headers.contains(HttpHeaderNames.TRANSFER_ENCODING)) {
            return; // most requests: no list is built
        }
        List<String> codings = headers.getAll(HttpHeaderNames.TRANSFER_ENCODING);
        if (message.protocolVersion().equals(HttpVersion.HTTP_1_0)) {
            throw new BadFraming("Transfer-Encoding is not allowed in an HTTP/1.0 request");
        }
        if (headers.contains(HttpHeaderNames.CONTENT_LENGTH)) {
            throw new BadFraming("both Content-Length and Transfer-Encoding are set; send only one");
        }
        if (codings.size() != 1 || !codings.getFirst().trim().equalsIgnoreCase("chunked")) {
            String sent = String.join(", ", codings);
            throw new BadFraming("unsupported Transfer-Encoding '" + (sent.length() <= ECHO_LIMIT ? sent
                    : sent.substring(0, ECHO_LIMIT) + "...") + "': only 'chunked' is accepted");
        }
    }

    /** Framing problems need no stack trace: they are the client's, answered and logged at most at DEBUG. */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
