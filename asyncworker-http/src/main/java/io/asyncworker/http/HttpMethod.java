package io.asyncworker.http;

/** The HTTP methods a route can serve; see the factories of {@link HttpRoute}. */
public enum HttpMethod {
    /** Reads a resource. */
    GET,
    /** Creates or submits. */
    POST,
    /** Replaces a resource. */
    PUT,
    /** Changes part of a resource. */
    PATCH,
    /** Removes a resource. */
    DELETE,
    /** Like {@code GET} without a response body; served by the {@code GET} route when a path has no {@code HEAD} route. */
    HEAD
}
