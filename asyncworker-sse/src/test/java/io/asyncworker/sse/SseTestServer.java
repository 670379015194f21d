package io.asyncworker.sse;

import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** A real SSE server on 127.0.0.1 and a random port, scripted per path, that records every request. */
final class SseTestServer implements AutoCloseable {
    /** What one request carried. */
    record Seen(String path, String method, MultiMap headers) {
        String header(String name) {
            return headers.get(name);
        }
    }

    private final Vertx vertx = Vertx.vertx();
    private final Map<String, Handler<HttpServerRequest>> routes = new ConcurrentHashMap<>();
    final List<Seen> requests = new CopyOnWriteArrayList<>();
    private final HttpServer server;

    SseTestServer() throws Exception {
        server = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0))
                .requestHandler(this::handle)
                .listen().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    /** A started server, for a static {@code @AutoClose} field. */
    static SseTestServer started() {
        try {
            return new SseTestServer();
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the test SSE server", e);
        }
    }

    private void handle(HttpServerRequest req) {
        MultiMap copy = MultiMap.caseInsensitiveMultiMap().addAll(req.headers());
        requests.add(new Seen(req.path(), req.method().name(), copy));
        Handler<HttpServerRequest> h = routes.get(req.path());
        if (h == null) {
            req.response().setStatusCode(404).end();
        } else {
            h.handle(req);
        }
    }

    /** Scripts a path. */
    SseTestServer on(String path, Handler<HttpServerRequest> handler) {
        routes.put(path, handler);
        return this;
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.actualPort() + path;
    }

    Vertx vertx() {
        return vertx;
    }

    int port() {
        return server.actualPort();
    }

    List<Seen> requests(String path) {
        return requests.stream().filter(s -> s.path().equals(path)).toList();
    }

    /** Starts an event-stream response. */
    static HttpServerResponse open(HttpServerRequest req) {
        HttpServerResponse resp = req.response().setChunked(true).putHeader("Content-Type", "text/event-stream");
        resp.writeHead();
        return resp;
    }

    /** One event in wire format. */
    static String event(String id, String data) {
        return "id: " + id + "\ndata: " + data + "\n\n";
    }

    @Override
    public void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
