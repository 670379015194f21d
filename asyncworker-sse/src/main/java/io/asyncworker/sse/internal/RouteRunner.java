package io.asyncworker.sse.internal;

import io.asyncworker.Action;
import io.asyncworker.spi.BackendContext;
import io.asyncworker.spi.BatchPipeline;
import io.asyncworker.spi.SettleSink;
import io.asyncworker.spi.Verdict;
import io.asyncworker.sse.SseConnection;
import io.asyncworker.sse.SseMessage;
import io.asyncworker.sse.SseRoute;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One SSE route at run time: its pipeline and a stream per source. As the pipeline's sink it carries
 * each batch's verdicts to the streams' resume trackers, and tells each stream which of its events
 * reach the handler.
 *
 * <p>Started and stopped from the app's thread; settlements arrive on handler threads.
 */
final class RouteRunner implements SettleSink<SseEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(RouteRunner.class);

    private final SseRoute route;
    private final BatchPipeline<SseEvent, SseMessage> pipeline;
    private final List<SseStream> streams = new ArrayList<>();
    private final ParkedEvents parked;

    RouteRunner(SseRoute route, SseConnection connection, BackendContext ctx, Vertx vertx, HttpClient client) {
        this.route = route;
        this.parked = new ParkedEvents(route.name(), ctx.timer());
        this.pipeline = BatchPipeline.<SseEvent, SseMessage>builder(route.name())
                .options(route.options()).settings(ctx.settings()).timer(ctx.timer()).meters(ctx.meters())
                .codec(route.codec()).messages(DefaultSseMessage::new).handler(route.handler())
                .observations(ctx.observations()).sink(this).build();
        for (String source : route.sources()) {
            StreamSpec spec = StreamSpec.of(route, connection, source, ctx.settings());
            streams.add(new SseStream(spec, client, vertx.getOrCreateContext(), ctx.timer(), pipeline, ctx.observations()));
        }
    }

    void start() {
        streams.forEach(SseStream::start);
    }

    /** Closes every stream of the route; completes once all are closed. */
    CompletableFuture<Void> stopStreams() {
        return CompletableFuture.allOf(streams.stream().map(SseStream::stop).toArray(CompletableFuture[]::new));
    }

    boolean drain(Duration budget) {
        return pipeline.drain(budget);
    }

    List<SseStream> streams() {
        return streams;
    }

    private Duration jittered(Duration nominal) {
        double jitter = route.options().retry().map(p -> p.jitter()).orElse(0.0);
        return nominal.minusNanos((long) (nominal.toNanos() * jitter * ThreadLocalRandom.current().nextDouble()));
    }

    /** Tells each stream the last of its events that reaches the handler: one lock per run. */
    @Override
    public void handing(List<SseEvent> batch) {
        for (int i = 0; i < batch.size(); i++) {
            SseEvent e = batch.get(i);
            if (i + 1 == batch.size() || batch.get(i + 1).stream() != e.stream()) {
                e.stream().handled(e.seq());
            }
        }
    }

    /**
     * Hands each stream's run of events to it in one call; the stream turns the actions of events
     * that turned stale into REQUEUE. A RETRY is a REQUEUE whose reconnect waits the retry's delay
     * (less up to the policy's jitter); a PARK is a REJECT, logged ({@link ParkedEvents}).
     */
    @Override
    public void settle(List<SseEvent> batch, List<Verdict> verdicts) {
        Action[] actions = actions(batch, verdicts);
        int from = 0;
        while (from < actions.length) {
            SseStream stream = batch.get(from).stream();
            int to = from + 1;
            while (to < actions.length && batch.get(to).stream() == stream) {
                to++;
            }
            stream.settled(batch, actions, from, to);
            from = to;
        }
        long rejected = verdicts.stream().filter(v -> v.kind() == Verdict.Kind.REJECT).count();
        if (rejected > 0) {
            LOG.info("route '{}': {} of {} events rejected and dropped; the stream moves past them",
                    route.name(), rejected, batch.size());
        }
    }

    /** The plain action of each verdict; a retry's delay goes to its stream, a park to the log. */
    private Action[] actions(List<SseEvent> batch, List<Verdict> verdicts) {
        Action[] actions = new Action[batch.size()];
        for (int i = 0; i < actions.length; i++) {
            Verdict v = verdicts.get(i);
            actions[i] = v.action();
            if (v.kind() == Verdict.Kind.RETRY) {
                batch.get(i).stream().retryAfter(jittered(v.delay()));
            } else if (v.kind() == Verdict.Kind.PARK) {
                parked.parked(batch.get(i), v);
            }
        }
        return actions;
    }
}
