package io.asyncworker.http.internal;

import io.asyncworker.BodyCodec;
import io.asyncworker.DecodeException;
import io.asyncworker.http.HttpException;
import io.asyncworker.http.HttpMethod;
import io.asyncworker.http.Request;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/** A request copied off the event loop's {@link RoutingContext}, so handlers never touch Vert.x objects. */
final class DefaultRequest implements Request {
    private final HttpMethod method;
    private final String path;
    private final String routePath;
    private final Map<String, String> pathParams;
    private final String rawQuery;
    // The request's own header map: complete and no longer written once the body has been read,
    // and published to the handler's thread by Thread.start, so reading it there is safe.
    private final MultiMap rawHeaders;
    private final Buffer body;
    private final BodyCodec codec;
    private volatile Map<String, List<String>> query;
    private volatile Map<String, List<String>> headers;

    private DefaultRequest(HttpMethod method, RoutingContext rc, String routePath, BodyCodec codec, Buffer body) {
        this.method = method;
        this.path = rc.request().path();
        this.routePath = routePath;
        this.pathParams = Map.copyOf(rc.pathParams());
        this.rawQuery = rc.request().query();
        this.rawHeaders = rc.request().headers();
        this.body = body;
        this.codec = codec;
    }

    /** Captures a request and its body; call on the event loop once the body has been read. */
    static DefaultRequest of(HttpMethod method, RoutingContext rc, String routePath, BodyCodec codec, Buffer body) {
        return new DefaultRequest(method, rc, routePath, codec, body);
    }

    @Override public HttpMethod method() { return method; }
    @Override public String path() { return path; }
    @Override public String routePath() { return routePath; }
    @Override public Map<String, String> pathParams() { return pathParams; }

    @Override
    public Map<String, List<String>> queryParams() {
        Map<String, List<String>> q = query;
        if (q == null) {
            q = QueryString.parse(rawQuery);
            query = q;
        }
        return q;
    }

    @Override
    public Map<String, List<String>> headers() {
        Map<String, List<String>> h = headers;
        if (h == null) {
            Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            rawHeaders.names().forEach(name -> copy.put(name, List.copyOf(rawHeaders.getAll(name))));
            h = Collections.unmodifiableMap(copy);
            headers = h;
        }
        return h;
    }

    @Override
    public String pathParam(String name) {
        Objects.requireNonNull(name, "name");
        String value = pathParams.get(name);
        if (value == null) {
            throw new IllegalArgumentException("route " + routePath + " has no path parameter '" + name + "'");
        }
        return value;
    }

    @Override
    public <T> T pathParam(String name, Class<T> type) {
        Objects.requireNonNull(type, "type");
        return ParamConverter.convert("path", name, pathParam(name), type);
    }

    @Override
    public Optional<String> queryParam(String name) {
        return queryParams(name).stream().findFirst();
    }

    @Override
    public <T> Optional<T> queryParam(String name, Class<T> type) {
        Objects.requireNonNull(type, "type");
        return queryParam(name).map(raw -> ParamConverter.convert("query", name, raw, type));
    }

    @Override
    public List<String> queryParams(String name) {
        return queryParams().getOrDefault(Objects.requireNonNull(name, "name"), List.of());
    }

    @Override
    public Optional<String> header(String name) {
        return headers(name).stream().findFirst();
    }

    @Override
    public <T> Optional<T> header(String name, Class<T> type) {
        Objects.requireNonNull(type, "type");
        return header(name).map(raw -> ParamConverter.convert("header", name, raw, type));
    }

    @Override
    public List<String> headers(String name) {
        return List.copyOf(rawHeaders.getAll(Objects.requireNonNull(name, "name")));
    }

    @Override
    public byte[] bodyBytes() {
        return body.getBytes();
    }

    @Override
    public String bodyAsString() {
        return body.toString(StandardCharsets.UTF_8);
    }

    @Override
    public <T> T body(Class<T> type) {
        Objects.requireNonNull(type, "type");
        if (body.length() == 0) {
            throw HttpException.badRequest("body: empty; expected JSON");
        }
        T value;
        try {
            value = codec.decode(body.getBytes(), type);
        } catch (DecodeException e) {
            throw HttpException.badRequest("body: " + e.getMessage());
        }
        if (value == null) { // a codec that lets JSON null through: never hand the handler a null
            throw HttpException.badRequest("body: expected a value, got null");
        }
        return value;
    }

    @Override
    public String toString() {
        return method + " " + path;
    }
}
