package io.asyncworker.http;

import io.asyncworker.BodyCodec;
import io.asyncworker.Origin;
import io.asyncworker.Route;
import io.asyncworker.RouteOption;
import io.asyncworker.RouteType;
import io.asyncworker.Settings;
import io.asyncworker.http.internal.PathTemplate;
import io.asyncworker.jackson.JacksonCodec;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An HTTP route: one method, one or more paths, one handler. Register it with
 * {@code app.route(...)}; the HTTP backend serves it on {@code ASYNCWORKER_HTTP_HOST}:{@code _PORT}.
 *
 * <pre>{@code
 * app.route(HttpRoute.get("/items/{id}", req -> Response.json(repo.find(req.pathParam("id", long.class)))));
 * app.route(HttpRoute.post(List.of("/items", "/v1/items"), req -> save(req.body(Item.class)))
 *         .withBodyLimit(64 * 1024));
 * app.route(HttpRoute.async(HttpMethod.GET, "/quote", req -> quotes.next().thenApply(Response::json)));
 * }</pre>
 *
 * <p>Paths are literal segments and whole-segment parameters {@code {name}}; a trailing slash is
 * ignored. The route's name is {@code "METHOD path[, path...]"}, so registering the same method
 * and path twice fails at {@code app.route(...)}; overlapping path lists and paths that differ
 * only in parameter names fail at {@code app.start()}. When two paths match a request, literal
 * segments win over parameters ({@code /items/new} before {@code /items/{id}}). A {@code HEAD}
 * request is served by the path's {@code HEAD} route, else by its {@code GET} route with the body
 * left out ({@code Request.method()} says {@code HEAD}), as HTTP requires. Bodies are read whole before the handler runs, up to the
 * body limit ({@value #DEFAULT_BODY_LIMIT} bytes unless set), larger ones are answered
 * {@code 413}.
 *
 * <p>Immutable and thread-safe; the {@code with...} methods return changed copies. Handlers run
 * on virtual threads (see {@link HttpHandler}).
 */
public final class HttpRoute implements Route {
    /** The default body limit: 1 MiB. */
    public static final long DEFAULT_BODY_LIMIT = 1024 * 1024;

    private final HttpMethod method;
    private final List<String> paths;
    private final AsyncHttpHandler handler;
    private final long bodyLimit;
    private final boolean bodyLimitSet;
    private final BodyCodec codec;

    private HttpRoute(HttpMethod method, List<String> paths, AsyncHttpHandler handler, long bodyLimit,
                      boolean bodyLimitSet, BodyCodec codec) {
        this.method = method;
        this.paths = paths;
        this.handler = handler;
        this.bodyLimit = bodyLimit;
        this.bodyLimitSet = bodyLimitSet;
        this.codec = codec;
    }

    /**
     * {@return a {@code GET} route}
     *
     * @param path the path template
     * @param handler the handler
     */
    public static HttpRoute get(String path, HttpHandler handler) {
        return of(HttpMethod.GET, List.of(path), handler);
    }

    /**
     * {@return a {@code GET} route on several paths}
     *
     * @param paths the path templates
     * @param handler the handler
     */
    public static HttpRoute get(List<String> paths, HttpHandler handler) {
        return of(HttpMethod.GET, paths, handler);
    }

    /**
     * {@return a {@code POST} route}
     *
     * @param path the path template
     * @param handler the handler
     */
    public static HttpRoute post(String path, HttpHandler handler) {
        return of(HttpMethod.POST, List.of(path), handler);
    }

    /**
     * {@return a {@code POST} route on several paths}
     *
     * @param paths the path templates
     * @param handler the handler
     */
    public static HttpRoute post(List<String> paths, HttpHandler handler) {
        return of(HttpMethod.POST, paths, handler);
    }

    /**
     * {@return a {@code PUT} route}
     *
     * @param path the path template
     * @param handler the handler
     */
    public static HttpRoute put(String path, HttpHandler handler) {
        return of(HttpMethod.PUT, List.of(path), handler);
    }

    /**
     * {@return a {@code PUT} route on several paths}
     *
     * @param paths the path templates
     * @param handler the handler
     */
    public static HttpRoute put(List<String> paths, HttpHandler handler) {
        return of(HttpMethod.PUT, paths, handler);
    }

    /**
     * {@return a {@code PATCH} route}
     *
     * @param path the path template
     * @param handler the handler
     */
    public static HttpRoute patch(String path, HttpHandler handler) {
        return of(HttpMethod.PATCH, List.of(path), handler);
    }

    /**
     * {@return a {@code PATCH} route on several paths}
     *
     * @param paths the path templates
     * @param handler the handler
     */
    public static HttpRoute patch(List<String> paths, HttpHandler handler) {
        return of(HttpMethod.PATCH, paths, handler);
    }

    /**
     * {@return a {@code DELETE} route}
     *
     * @param path the path template
     * @param handler the handler
     */
    public static HttpRoute delete(String path, HttpHandler handler) {
        return of(HttpMethod.DELETE, List.of(path), handler);
    }

    /**
     * {@return a {@code DELETE} route on several paths}
     *
     * @param paths the path templates
     * @param handler the handler
     */
    public static HttpRoute delete(List<String> paths, HttpHandler handler) {
        return of(HttpMethod.DELETE, paths, handler);
    }

    /**
     * {@return a {@code HEAD} route; the response's body is not sent}
     *
     * @param path the path template
     * @param handler the handler
     */
    public static HttpRoute head(String path, HttpHandler handler) {
        return of(HttpMethod.HEAD, List.of(path), handler);
    }

    /**
     * {@return a {@code HEAD} route on several paths}
     *
     * @param paths the path templates
     * @param handler the handler
     */
    public static HttpRoute head(List<String> paths, HttpHandler handler) {
        return of(HttpMethod.HEAD, paths, handler);
    }

    /**
     * {@return a route of any method with a blocking handler}
     *
     * @param method the HTTP method
     * @param paths the path templates
     * @param handler the handler
     * @throws IllegalArgumentException naming {@code paths} when the list is empty, a path is
     *                                  invalid or listed twice
     */
    public static HttpRoute of(HttpMethod method, List<String> paths, HttpHandler handler) {
        Objects.requireNonNull(handler, "handler");
        return async(method, paths, AsyncHttpHandler.of(handler));
    }

    /**
     * {@return a route with a non-blocking handler}
     *
     * @param method the HTTP method
     * @param path the path template
     * @param handler the handler
     */
    public static HttpRoute async(HttpMethod method, String path, AsyncHttpHandler handler) {
        return async(method, List.of(Objects.requireNonNull(path, "path")), handler);
    }

    /**
     * {@return a route on several paths with a non-blocking handler}
     *
     * @param method the HTTP method
     * @param paths the path templates
     * @param handler the handler
     * @throws IllegalArgumentException naming {@code paths} when the list is empty, a path is
     *                                  invalid or listed twice
     */
    public static HttpRoute async(HttpMethod method, List<String> paths, AsyncHttpHandler handler) {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(handler, "handler");
        return new HttpRoute(method, checkPaths(paths), handler, DEFAULT_BODY_LIMIT, false, JacksonCodec.json());
    }

    private static List<String> checkPaths(List<String> paths) {
        Objects.requireNonNull(paths, "paths");
        if (paths.isEmpty()) {
            throw new IllegalArgumentException("paths must not be empty");
        }
        Set<String> keys = new LinkedHashSet<>();
        Set<String> templates = new LinkedHashSet<>();
        for (String path : paths) {
            PathTemplate t = PathTemplate.parse(Objects.requireNonNull(path, "paths[i]"));
            if (!keys.add(t.key())) {
                throw new IllegalArgumentException("paths lists '" + path + "' twice");
            }
            templates.add(t.template());
        }
        return List.copyOf(templates);
    }

    /**
     * {@return a copy with another body limit in bytes; larger bodies are answered {@code 413}}
     *
     * @param bytes the limit in bytes
     * @throws IllegalArgumentException naming {@code bodyLimit} when it is negative
     */
    public HttpRoute withBodyLimit(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("bodyLimit must be zero or more bytes, was " + bytes);
        }
        return new HttpRoute(method, paths, handler, bytes, true, codec);
    }

    /**
     * {@return a copy that decodes {@link Request#body(Class)} and encodes {@link Response#json} with this codec}
     *
     * @param codec the codec
     */
    public HttpRoute withCodec(BodyCodec codec) {
        return new HttpRoute(method, paths, handler, bodyLimit, bodyLimitSet, Objects.requireNonNull(codec, "codec"));
    }

    /** {@return the method served} */
    public HttpMethod method() {
        return method;
    }

    /** {@return the path templates served, as normalized (no trailing slash)} */
    public List<String> paths() {
        return paths;
    }

    /** {@return the handler; blocking handlers are adapted with {@link AsyncHttpHandler#of}} */
    public AsyncHttpHandler handler() {
        return handler;
    }

    /** {@return the largest body accepted, in bytes} */
    public long bodyLimit() {
        return bodyLimit;
    }

    /** {@return the codec for JSON bodies} */
    public BodyCodec codec() {
        return codec;
    }

    @Override
    public RouteType type() {
        return RouteType.HTTP;
    }

    @Override
    public String name() {
        return method + " " + String.join(", ", paths);
    }

    @Override
    public List<String> sources() {
        return paths;
    }

    @Override
    public List<RouteOption> describe(Settings settings) {
        Objects.requireNonNull(settings, "settings");
        String address = settings.get(HttpSettings.HOST) + ":" + settings.get(HttpSettings.PORT);
        return List.of(
                new RouteOption("method", method.name(), Origin.CODE),
                new RouteOption("paths", String.join(", ", paths), Origin.CODE),
                new RouteOption("bodyLimit", Long.toString(bodyLimit), bodyLimitSet ? Origin.CODE : Origin.DEFAULT),
                RouteOption.fromSettings("server", address, settings, HttpSettings.HOST, HttpSettings.PORT));
    }

    @Override
    public String toString() {
        return "HttpRoute(" + name() + ")";
    }
}
