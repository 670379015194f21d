package io.asyncworker.sse.internal;

import io.asyncworker.ComponentHealth;
import io.asyncworker.Route;
import io.asyncworker.spi.Backend;
import io.asyncworker.spi.BackendContext;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SSE backend of one app run: a private Vert.x instance and HTTP client, and a
 * {@link RouteRunner} per route. The event loops only read, parse and feed the pipelines;
 * handlers run on the pipelines' virtual threads.
 */
final class SseBackend implements Backend {
    private static final Logger LOG = LoggerFactory.getLogger(SseBackend.class);
    private static final Duration CLOSE_BUDGET = Duration.ofSeconds(5);

    private final BackendContext ctx;
    private final List<RouteRunner> runners = new ArrayList<>();
    private Vertx vertx;
    private HttpClientAgent client;

    SseBackend(BackendContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void start() {
        int streams = ctx.routes().stream().mapToInt(r -> r.sources().size()).sum();
        int loops = Math.max(1, Math.min(streams, 2 * Runtime.getRuntime().availableProcessors()));
        vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(loops).setWorkerPoolSize(1));
        client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(false),
                new PoolOptions().setHttp1MaxSize(Math.max(8, streams * 2)));
        for (Route r : ctx.routes()) {
            var route = RouteConnections.sse(r);
            runners.add(new RouteRunner(route, RouteConnections.resolve(route, ctx.connections()), ctx, vertx, client));
        }
        runners.forEach(RouteRunner::start);
    }

    /** Closes every stream of every route at once, and waits for them together. */
    @Override
    public void stopIntake() {
        CompletableFuture<?>[] stops = runners.stream().map(RouteRunner::stopStreams).toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(stops).get(CLOSE_BUDGET.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            LOG.warn("SSE streams did not all close within {}", CLOSE_BUDGET);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Drains every route in parallel, each within the whole budget: one route's slow handler must
     * not leave the others no time to handle their flushed partial batches.
     */
    @Override
    public void drain(Duration budget) {
        try (ExecutorService drains = Executors.newVirtualThreadPerTaskExecutor()) {
            runners.forEach(r -> drains.submit(() -> r.drain(budget)));
        }
    }

    @Override
    public void close() {
        if (client != null) {
            awaitQuietly(client.close().toCompletionStage().toCompletableFuture());
        }
        if (vertx != null) {
            awaitQuietly(vertx.close().toCompletionStage().toCompletableFuture());
        }
    }

    private static void awaitQuietly(java.util.concurrent.CompletableFuture<?> f) {
        try {
            f.get(CLOSE_BUDGET.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // closing is best effort: the app is going away
        }
    }

    @Override
    public List<ComponentHealth> health() {
        List<ComponentHealth> out = new ArrayList<>();
        for (RouteRunner r : runners) {
            r.streams().forEach(s -> out.add(s.health()));
        }
        return out;
    }
}
