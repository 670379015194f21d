package io.asyncworker.http;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Serves one HTTP request with non-blocking code: the response is sent when the returned stage
 * completes. Register one with {@link HttpRoute#async(HttpMethod, String, AsyncHttpHandler)}.
 *
 * <p>Called on a virtual thread like {@link HttpHandler}; the stage may complete on any thread.
 * A stage completed exceptionally counts as a thrown exception.
 *
 * <pre>{@code
 * HttpRoute.async(HttpMethod.GET, "/quote", req -> client.fetchQuote().thenApply(Response::json));
 * }</pre>
 */
@FunctionalInterface
public interface AsyncHttpHandler {

    /**
     * Starts handling a request.
     *
     * @param request the request, with its body already read
     * @return a stage that completes with the response, never {@code null}
     * @throws Exception to answer at once with {@code 500} (or an {@link HttpException}'s status)
     */
    CompletionStage<Response> handle(Request request) throws Exception;

    /**
     * Adapts a blocking handler; it runs on the calling (virtual) thread.
     *
     * @param handler the handler
     * @return an asynchronous handler completed with what the blocking one returns or throws
     */
    static AsyncHttpHandler of(HttpHandler handler) {
        Objects.requireNonNull(handler, "handler");
        return request -> CompletableFuture.completedFuture(handler.handle(request));
    }
}
