package io.asyncworker.http;

/** The HTTP methods a route can serve. */
public enum HttpMethod {
    GET, POST, PUT, PATCH, DELETE, HEAD
}
