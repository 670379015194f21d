package io.asyncworker.http;

/**
 * Serves one HTTP request with plain blocking code.
 *
 * <p>Called on a virtual thread of its own, never on a Vert.x event loop: blocking (JDBC, sleeps,
 * other HTTP calls) is fine, and calls for concurrent requests overlap freely, so the handler
 * must be thread-safe. Throwing an {@link HttpException} answers with its status; any other
 * exception is logged with the route and answered {@code 500} with a JSON error, never a stack
 * trace.
 *
 * <pre>{@code
 * HttpHandler find = req -> Response.json(repo.find(req.pathParam("id", long.class)));
 * }</pre>
 */
@FunctionalInterface
public interface HttpHandler {

    /**
     * Handles a request.
     *
     * @param request the request, with its body already read
     * @return the response, never {@code null}
     * @throws Exception to answer {@code 500} (or the status of an {@link HttpException})
     */
    Response handle(Request request) throws Exception;
}
