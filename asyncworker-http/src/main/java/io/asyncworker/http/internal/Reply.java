package io.asyncworker.http.internal;

import io.asyncworker.BodyCodec;
import io.asyncworker.http.HttpException;
import io.asyncworker.http.Response;
import io.asyncworker.jackson.JacksonCodec;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A response ready for the wire: encoded off the event loop, written on it. Immutable. */
record Reply(int status, Map<String, List<String>> headers, Optional<String> contentType, byte[] body) {
    private static final BodyCodec JSON = JacksonCodec.json();

    /**
     * Encodes a handler's response.
     *
     * @throws IllegalArgumentException when the codec cannot encode the body
     */
    static Reply of(Response response, BodyCodec codec) {
        return new Reply(response.status(), response.headers(), response.contentType(codec), response.body(codec));
    }

    /** An error as JSON {@code {"error": ..., ...}}. */
    static Reply error(HttpException e) {
        return json(e.status(), e.body());
    }

    /** An error status with a message and extra fields. */
    static Reply error(int status, String message, Object... fields) {
        HttpException e = HttpException.of(status, message);
        for (int i = 0; i + 1 < fields.length; i += 2) {
            e = e.with((String) fields[i], fields[i + 1]);
        }
        return error(e);
    }

    static Reply json(int status, Object body) {
        return new Reply(status, Map.of(), Optional.of(JSON.contentType()), JSON.encode(body));
    }

    /** A copy with one more header. */
    Reply withHeader(String name, String value) {
        Map<String, List<String>> more = new java.util.LinkedHashMap<>(headers);
        more.put(name, List.of(value));
        return new Reply(status, Map.copyOf(more), contentType, body);
    }

    /**
     * Writes this reply; from any thread. A {@code HEAD} answer carries the {@code Content-Length}
     * the {@code GET} answer would have, without the body (RFC 9110 §9.3.2).
     */
    io.vertx.core.Future<Void> writeTo(HttpServerResponse response, boolean head) {
        response.setStatusCode(status);
        headers.forEach(response::putHeader);
        contentType.ifPresent(type -> response.putHeader("Content-Type", type));
        if (head && status >= 200 && status != 204 && status != 304) {
            response.putHeader("Content-Length", Integer.toString(body.length));
        }
        return response.end(Buffer.buffer(body));
    }
}
