package io.asyncworker.http;

import io.asyncworker.BodyCodec;
import io.asyncworker.spi.Checks;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a handler answers: status, headers and a body. Immutable; the {@code with...} and
 * {@link #header} methods return changed copies, so responses can be shared and built from any
 * thread.
 *
 * <pre>{@code
 * return Response.json(item).withStatus(201).header("Location", "/items/" + item.id());
 * return Response.text("pong");
 * return Response.noContent();
 * }</pre>
 *
 * <p>A JSON body is encoded when the response is sent, with the route's codec (Jackson by
 * default); an encoding failure is answered {@code 500} like a handler exception.
 */
public final class Response {
    private static final byte[] EMPTY = new byte[0];

    private final int status;
    private final Map<String, List<String>> headers;
    private final Object body;
    private final Optional<String> contentType;

    private Response(int status, Map<String, List<String>> headers, Object body, Optional<String> contentType) {
        this.status = status;
        this.headers = headers;
        this.body = body;
        this.contentType = contentType;
    }

    /**
     * {@return {@code 200} with a value encoded as JSON}
     *
     * @param value the value to encode as JSON
     */
    public static Response json(Object value) {
        Objects.requireNonNull(value, "value");
        return new Response(200, Map.of(), new JsonBody(value), Optional.empty());
    }

    /**
     * {@return {@code 200} with UTF-8 text, {@code text/plain; charset=utf-8}}
     *
     * @param text the text
     */
    public static Response text(String text) {
        Objects.requireNonNull(text, "text");
        return bytes(text.getBytes(StandardCharsets.UTF_8), "text/plain; charset=utf-8");
    }

    /**
     * {@return {@code 200} with raw bytes of a content type; the array is copied}
     *
     * @param body the bytes to send
     * @param contentType the content type
     */
    public static Response bytes(byte[] body, String contentType) {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(contentType, "contentType");
        return new Response(200, Map.of(), body.clone(), Optional.of(contentType));
    }

    /**
     * {@return a status without a body, e.g. {@code Response.status(202)}}
     *
     * @param status the HTTP status
     */
    public static Response status(int status) {
        return new Response(checkStatus(status), Map.of(), EMPTY, Optional.empty());
    }

    /** {@return {@code 200} without a body} */
    public static Response ok() {
        return status(200);
    }

    /** {@return {@code 204 No Content}} */
    public static Response noContent() {
        return status(204);
    }

    /**
     * {@return a copy with another status}
     *
     * @param status the HTTP status
     * @throws IllegalArgumentException when the status is not from 100 to 599
     */
    public Response withStatus(int status) {
        return new Response(checkStatus(status), headers, body, contentType);
    }

    /**
     * {@return a copy with one more value of a header; {@code Content-Type} replaces the body's type}
     *
     * @param name the header name, in any case
     * @param value the value to encode as JSON
     */
    public Response header(String name, String value) {
        Checks.notBlank("header name", name);
        Objects.requireNonNull(value, "value");
        if (name.equalsIgnoreCase("Content-Type")) {
            return new Response(status, headers, body, Optional.of(value));
        }
        Map<String, List<String>> copy = new LinkedHashMap<>(headers);
        List<String> values = new ArrayList<>(copy.getOrDefault(name, List.of()));
        values.add(value);
        copy.put(name, List.copyOf(values));
        return new Response(status, Collections.unmodifiableMap(copy), body, contentType);
    }

    /** {@return the status} */
    public int status() {
        return status;
    }

    /** {@return the headers set with {@link #header}, without {@code Content-Type}} */
    public Map<String, List<String>> headers() {
        return headers;
    }

    /**
     * {@return the content type: as set, {@code codec.contentType()} for JSON, empty without a body}
     *
     * @param codec the codec
     */
    public Optional<String> contentType(BodyCodec codec) {
        Objects.requireNonNull(codec, "codec");
        return body instanceof JsonBody && contentType.isEmpty() ? Optional.of(codec.contentType()) : contentType;
    }

    /**
     * {@return the body's bytes, encoding a JSON value with the codec}
     *
     * @param codec the codec
     * @throws IllegalArgumentException when the codec cannot encode the value
     */
    public byte[] body(BodyCodec codec) {
        Objects.requireNonNull(codec, "codec");
        return body instanceof JsonBody json ? codec.encode(json.value()) : ((byte[]) body).clone();
    }

    @Override
    public String toString() {
        return "Response(" + status + ")";
    }

    private static int checkStatus(int status) {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("status must be from 100 to 599, was " + status);
        }
        return status;
    }

    private record JsonBody(Object value) {
    }
}
