package io.asyncworker.http;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Ends a request with an error status and a JSON body {@code {"error": message, ...details}}.
 *
 * <p>Thrown by {@link Request} when a parameter or the body is bad ({@code 400}); handlers may
 * throw one too. Client errors ({@code 4xx}) are not logged as failures; the message goes on the
 * wire, so it must not hold secrets. Immutable.
 *
 * <pre>{@code
 * Item item = repo.find(id).orElseThrow(() -> HttpException.of(404, "no item " + id));
 * }</pre>
 */
public final class HttpException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The HTTP status. */
    private final int status;
    private final transient Map<String, Object> details;

    private HttpException(int status, String message, Map<String, Object> details) {
        super(message);
        this.status = status;
        this.details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    /**
     * {@return an error with a status from 400 to 599}
     *
     * @param status the HTTP status
     * @param message the message, in the user's terms
     * @throws IllegalArgumentException when the status is not an error status
     */
    public static HttpException of(int status, String message) {
        Objects.requireNonNull(message, "message");
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("status must be from 400 to 599, was " + status);
        }
        return new HttpException(status, message, Map.of());
    }

    /**
     * {@return a {@code 400 Bad Request}}
     *
     * @param message the message, in the user's terms
     */
    public static HttpException badRequest(String message) {
        return of(400, message);
    }

    /**
     * {@return a copy with one more field in the JSON body, e.g. {@code parameter}}
     *
     * @param field the field name
     * @param value the field's value
     */
    public HttpException with(String field, Object value) {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(value, "value");
        if (field.equals("error")) {
            throw new IllegalArgumentException("field 'error' holds the message");
        }
        Map<String, Object> more = new LinkedHashMap<>(details);
        more.put(field, value);
        return new HttpException(status, getMessage(), more);
    }

    /** {@return the HTTP status} */
    public int status() {
        return status;
    }

    /** {@return the extra fields of the JSON body, besides {@code error}} */
    public Map<String, Object> details() {
        return details;
    }

    /** {@return the JSON body: {@code error} first, then the details} */
    public Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", getMessage());
        body.putAll(details);
        return body;
    }
}
