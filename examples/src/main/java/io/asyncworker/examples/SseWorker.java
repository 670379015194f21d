package io.asyncworker.examples;

import io.asyncworker.App;
import io.asyncworker.Key;
import io.asyncworker.sse.SseRoute;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An SSE consumer of a loopback demo stream the example serves itself (a tiny Vert.x server on
 * 127.0.0.1:{@code EXAMPLE_SSE_PORT}, default 8090, one {@code tick} event every 100 ms that
 * resumes after {@code Last-Event-ID}). The consumer takes the ticks in batches of up to 10.
 */
public final class SseWorker {
    private static final Logger LOG = LoggerFactory.getLogger(SseWorker.class);
    /** How many ticks were handled. */
    public static final Key<LongAdder> TICKS = Key.of("ticks", LongAdder.class);
    private static final Key<Vertx> SERVER = Key.of("demo-stream-server", Vertx.class);

    /** One event's data. */
    public record Tick(long n) {
    }

    public static App app() {
        int port = Integer.parseInt(Env.get("EXAMPLE_SSE_PORT", "8090"));
        App app = App.create().put(TICKS, new LongAdder());
        app.onStartup(a -> a.put(SERVER, serve(port)));               // before the stream is opened
        app.onShutdown(a -> a.get(SERVER).close().await());
        return app.route(SseRoute.consume("http://127.0.0.1:" + port + "/ticks")
                .bulkSize(10)
                .flushTimeout(Duration.ofSeconds(1))
                .handler(events -> {
                    app.get(TICKS).add(events.size());
                    LOG.info("{} ticks, up to n={}", events.size(), events.getLast().body(Tick.class).n());
                }));
    }

    private static Vertx serve(int port) {
        Vertx vertx = Vertx.vertx();
        vertx.createHttpServer().requestHandler(req -> {
            var response = req.response().setChunked(true).putHeader("Content-Type", "text/event-stream");
            long[] n = {Long.parseLong(Objects.requireNonNullElse(req.getHeader("Last-Event-ID"), "0"))};
            long timer = vertx.setPeriodic(100,
                    t -> response.write("id: " + ++n[0] + "\nevent: tick\ndata: {\"n\":" + n[0] + "}\n\n"));
            response.closeHandler(v -> vertx.cancelTimer(timer));
        }).listen(port, "127.0.0.1").await();
        return vertx;
    }

    public static void main(String[] args) {
        app().run();
    }
}
