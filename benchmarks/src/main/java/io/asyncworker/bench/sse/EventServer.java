package io.asyncworker.bench.sse;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Loopback SSE server (Vert.x, in the driver JVM): GET /events streams N pre-rendered small JSON
 * events ({@code id: n}, {@code event: tick}, {@code data: {"n":n,...}}) in 64 KiB writes with
 * back-pressure, then ends the response. A request with Last-Event-ID resumes after that id;
 * when nothing is left it answers 204 (which tells SSE clients to stop).
 */
final class EventServer implements AutoCloseable {
    private static final int CHUNK = 64 * 1024;

    private final byte[] stream;
    private final int[] offsets;
    private final Vertx vertx = Vertx.vertx();
    private final HttpServer server;
    final AtomicInteger requests = new AtomicInteger();

    EventServer(int events) throws Exception {
        this.offsets = new int[events + 1];
        this.stream = render(events, offsets);
        this.server = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0))
                .requestHandler(this::serve);
        server.listen().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    int port() {
        return server.actualPort();
    }

    private static byte[] render(int events, int[] offsets) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(events * 64);
        for (int n = 1; n <= events; n++) {
            offsets[n - 1] = out.size();
            out.writeBytes(("id: " + n + "\nevent: tick\ndata: {\"n\":" + n + ",\"v\":\"abcdefgh\"}\n\n")
                    .getBytes(StandardCharsets.US_ASCII));
        }
        offsets[events] = out.size();
        return out.toByteArray();
    }

    private void serve(HttpServerRequest req) {
        requests.incrementAndGet();
        String last = req.getHeader("Last-Event-ID");
        int next = last == null || last.isBlank() ? 0 : Integer.parseInt(last.trim());
        if (next >= offsets.length - 1) {
            req.response().setStatusCode(204).end();
            return;
        }
        HttpServerResponse res = req.response().setChunked(true)
                .putHeader("content-type", "text/event-stream").putHeader("cache-control", "no-cache");
        pump(res, offsets[next]);
    }

    private void pump(HttpServerResponse res, int from) {
        if (res.ended() || res.closed()) {
            return; // the client read what it wanted and hung up; a late drain has nothing to write
        }
        int at = from;
        while (at < stream.length && !res.writeQueueFull()) {
            int end = Math.min(stream.length, at + CHUNK);
            res.write(Buffer.buffer(java.util.Arrays.copyOfRange(stream, at, end)));
            at = end;
        }
        if (at >= stream.length) {
            res.end();
            return;
        }
        int resume = at;
        res.drainHandler(v -> pump(res, resume));
    }

    @Override
    public void close() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }
}
