package io.asyncworker.sse.internal;

import io.asyncworker.Route;
import io.asyncworker.spi.BackendContext;
import io.asyncworker.sse.SseConnection;
import io.asyncworker.sse.SseRoute;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.RequestOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * {@code asyncworker check} for SSE: opens each stream once, reads only the response head, and
 * closes it again. Consumes no event. Redirects are followed by the client here.
 */
final class StreamProbe {
    private StreamProbe() {
    }

    static List<String> check(BackendContext context) {
        List<String> problems = new ArrayList<>();
        Vertx vertx = Vertx.vertx();
        try {
            HttpClientAgent client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(false));
            for (Route r : context.routes()) {
                SseRoute route = RouteConnections.sse(r);
                SseConnection connection = RouteConnections.resolve(route, context.connections());
                for (String source : route.sources()) {
                    StreamSpec spec = StreamSpec.of(route, connection, source, context.settings());
                    probe(client, spec).ifPresent(problems::add);
                }
            }
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
        } finally {
            vertx.close();
        }
        return problems;
    }

    private static Optional<String> probe(HttpClientAgent client, StreamSpec spec) {
        RequestOptions options = spec.requestOptions(spec.url(), spec.method(), spec.body().isPresent(),
                spec.lastEventId()).setFollowRedirects(true);
        try {
            HttpClientResponse resp = client.request(options).compose(req -> spec.send(req, spec.body().isPresent())
                    .onSuccess(r -> {
                        r.exceptionHandler(t -> { }); // the reset below is ours
                        req.reset();
                    })).toCompletionStage().toCompletableFuture()
                    .get(spec.connectTimeout().toMillis() + 10_000, TimeUnit.MILLISECONDS);
            if (resp.statusCode() == 200 && StreamStatus.isEventStream(resp.getHeader("Content-Type"))) {
                return Optional.empty();
            }
            return Optional.of("route '" + spec.route() + "': "
                    + StreamStatus.describe(resp.statusCode(), resp.statusMessage(), resp.getHeader("Content-Type"), spec.url()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("route '" + spec.route() + "': interrupted while probing " + spec.url());
        } catch (Exception e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return Optional.of("route '" + spec.route() + "': cannot open " + spec.url() + ": " + cause.getMessage());
        }
    }
}
