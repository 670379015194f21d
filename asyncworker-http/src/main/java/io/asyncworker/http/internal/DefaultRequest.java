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
import java.util.LinkedHashMap;
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
    private final Map<String, List<String>> query;
    private final Map<String, List<String>> headers;
    private final Buffer body;
    private final BodyCodec codec;

    private DefaultRequest(HttpMethod method, RoutingContext rc, String routePath, BodyCodec codec) {
        this.method = method;
        this.path = rc.request().path();
        this.routePath = routePath;
        this.pathParams = Map.copyOf(rc.pathParams());
        this.query = copy(rc.queryParams(), new LinkedHashMap<>());
        this.headers = copy(rc.request().headers(), new TreeMap<>(String.CASE_INSENSITIVE_ORDER));
        Buffer buffer = rc.body() == null ? null : rc.body().buffer();
        this.body = buffer == null ? Buffer.buffer() : buffer;
        this.codec = codec;
    }

    /** Copies a request; call on the event loop after the body has been read. */
    static DefaultRequest of(HttpMethod method, RoutingContext rc, String routePath, BodyCodec codec) {
        return new DefaultRequest(method, rc, routePath, codec);
    }

    private static Map<String, List<String>> copy(MultiMap source, Map<String, List<String>> target) {
        for (String name : source.names()) {
            target.put(name, List.copyOf(source.getAll(name)));
        }
        return Collections.unmodifiableMap(target);
    }

    @Override public HttpMethod method() { return method; }
    @Override public String path() { return path; }
    @Override public String routePath() { return routePath; }
    @Override public Map<String, String> pathParams() { return pathParams; }
    @Override public Map<String, List<String>> queryParams() { return query; }
    @Override public Map<String, List<String>> headers() { return headers; }

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
        return query.getOrDefault(Objects.requireNonNull(name, "name"), List.of());
    }

    @Override
    public Optional<String> header(String name) {
        return headers(name).stream().findFirst();
    }

    @Override
    public List<String> headers(String name) {
        return headers.getOrDefault(Objects.requireNonNull(name, "name"), List.of());
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
            throw HttpException.badRequest("request body is empty; expected JSON");
        }
        try {
            return codec.decode(body.getBytes(), type);
        } catch (DecodeException e) {
            throw HttpException.badRequest("malformed request body: " + e.getMessage());
        }
    }

    @Override
    public String toString() {
        return method + " " + path;
    }
}
