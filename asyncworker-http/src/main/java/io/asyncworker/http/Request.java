package io.asyncworker.http;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP request as a handler sees it: method, path and query parameters, headers and the
 * whole body (already read, within the route's body limit).
 *
 * <p>Typed parameters convert to {@code String}, {@code int}/{@link Integer}, {@code long}/{@link Long},
 * {@code double}/{@link Double}, {@code boolean}/{@link Boolean} ({@code true}/{@code false}),
 * {@link java.util.UUID} and any enum (by constant name, any case). A value that does not
 * convert throws an {@link HttpException} {@code 400} naming the parameter; asking for another
 * type, or a path parameter the route does not declare, is a programming error
 * ({@link IllegalArgumentException}, answered {@code 500}).
 *
 * <p>Immutable and safe to read from any thread.
 *
 * <pre>{@code
 * HttpRoute.put("/items/{id}", req -> {
 *     long id = req.pathParam("id", long.class);
 *     boolean dryRun = req.queryParam("dryRun", boolean.class).orElse(false);
 *     Item item = req.body(Item.class);
 *     return Response.json(repo.save(id, item, dryRun));
 * });
 * }</pre>
 */
public interface Request {

    /** {@return the request's method} */
    HttpMethod method();

    /** {@return the request path as sent, without the query string, e.g. {@code /items/42}} */
    String path();

    /** {@return the template of the route that matched, e.g. {@code /items/{id}}} */
    String routePath();

    /**
     * {@return a path parameter as text}
     *
     * @param name the path parameter's name, as in the route's template
     * @throws IllegalArgumentException when the route's path has no such parameter
     */
    String pathParam(String name);

    /**
     * {@return a path parameter converted to a type}
     *
     * @param <T> the value type
     * @param name the path parameter's name, as in the route's template
     * @param type the type to decode into
     * @throws HttpException            {@code 400} naming the parameter when it does not convert
     * @throws IllegalArgumentException when the route has no such parameter or the type is unsupported
     */
    <T> T pathParam(String name, Class<T> type);

    /** {@return every path parameter by name} */
    Map<String, String> pathParams();

    /**
     * {@return the first value of a query parameter, empty when absent}
     *
     * @param name the query parameter's name
     */
    Optional<String> queryParam(String name);

    /**
     * {@return the first value of a query parameter converted to a type, empty when absent}
     *
     * @param <T> the value type
     * @param name the query parameter's name
     * @param type the type to decode into
     * @throws HttpException            {@code 400} naming the parameter when it does not convert
     * @throws IllegalArgumentException when the type is unsupported
     */
    <T> Optional<T> queryParam(String name, Class<T> type);

    /**
     * {@return every value of a query parameter, in order; empty when absent}
     *
     * @param name the query parameter's name
     */
    List<String> queryParams(String name);

    /** {@return every query parameter with all its values} */
    Map<String, List<String>> queryParams();

    /**
     * {@return the first value of a header (names ignore case), empty when absent}
     *
     * @param name the header name, in any case
     */
    Optional<String> header(String name);

    /**
     * The first value of a header converted to a type (the types of {@link #pathParam(String, Class)}),
     * empty when absent.
     *
     * @param <T> the value type
     * @param name the header's name; names ignore case
     * @param type the type to convert into
     * @return the converted first value, or empty
     * @throws HttpException            {@code 400} naming the header when it does not convert
     * @throws IllegalArgumentException when the type is unsupported
     */
    <T> Optional<T> header(String name, Class<T> type);

    /**
     * Every value of a header (names ignore case), in order; empty when absent.
     *
     * @param name the header's name
     * @return the values
     */
    List<String> headers(String name);

    /** {@return every header with all its values; lookups in this map ignore case} */
    Map<String, List<String>> headers();

    /** {@return the body's bytes; empty when there is none} Each call returns a fresh copy. */
    byte[] bodyBytes();

    /** {@return the body as UTF-8 text; empty when there is none} */
    String bodyAsString();

    /**
     * The body decoded from JSON (with the route's codec, Jackson by default); never {@code null}.
     *
     * @param <T> the body type
     * @param type the class to decode into
     * @return the decoded body
     * @throws HttpException {@code 400} when the body is empty, JSON {@code null} or not a valid
     *                       {@code type}; the message names the problem in the client's terms, e.g.
     *                       {@code body: field "price": expected a number, got "ab" (line 1, column 10)}
     */
    <T> T body(Class<T> type);
}
