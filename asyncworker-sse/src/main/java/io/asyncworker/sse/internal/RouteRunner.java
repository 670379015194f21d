package io.asyncworker.sse.internal;

import io.asyncworker.Action;
import io.asyncworker.DecodeException;
import io.asyncworker.spi.BackendContext;
import io.asyncworker.spi.BatchPipeline;
import io.asyncworker.spi.Outcomes;
import io.asyncworker.spi.RouteMetrics;
import io.asyncworker.sse.SseConnection;
import io.asyncworker.sse.SseMessage;
import io.asyncworker.sse.SseRoute;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One SSE route at run time: its pipeline and a stream per source. The settler carries each
 * batch's actions to the streams' resume trackers, applying {@code maxDeliveries}.
 *
 * <p>Started and stopped from the app's thread; settlements arrive on handler threads.
 */
final class RouteRunner {
    private static final Logger LOG = LoggerFactory.getLogger(RouteRunner.class);

    private final SseRoute route;
    private final RouteMetrics metrics;
    private final BatchPipeline<SseMessage> pipeline;
    private final List<SseStream> streams = new ArrayList<>();

    RouteRunner(SseRoute route, SseConnection connection, BackendContext ctx, Vertx vertx, HttpClient client) {
        this.route = route;
        this.pipeline = BatchPipeline.<SseMessage>builder(route.name())
                .options(route.options()).settings(ctx.settings()).timer(ctx.timer()).meters(ctx.meters())
                .handler(this::handle).settler(this::settle).build();
        // after the pipeline: its own RouteMetrics registered the in-flight gauge it updates
        this.metrics = RouteMetrics.of(ctx.meters(), route.name());
        for (String source : route.sources()) {
            StreamSpec spec = StreamSpec.of(route, connection, source, ctx.settings());
            streams.add(new SseStream(spec, client, vertx.getOrCreateContext(), ctx.timer(), pipeline, metrics));
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

    /**
     * Runs the user's handler on the batch's live events. Events after a requeued one of their
     * stream are skipped and requeued: the reconnect delivers them again, in order. Events that
     * do not decode into the route's declared body type are rejected and never reach the handler.
     */
    private CompletionStage<?> handle(List<SseMessage> batch) throws Exception {
        List<SseMessage> live = liveEvents(batch);
        markHandled(live);
        if (live == batch) {
            return route.handler().handle(batch);
        }
        return live.isEmpty() ? CompletableFuture.completedFuture(null) : route.handler().handle(List.copyOf(live));
    }

    /** The batch itself when every event is live, else a new list of the live ones. */
    private List<SseMessage> liveEvents(List<SseMessage> batch) {
        List<SseMessage> live = null; // made at the first event that drops out
        SseStream stream = null;
        long staleAfter = Long.MAX_VALUE;
        for (int i = 0; i < batch.size(); i++) {
            DefaultSseMessage m = (DefaultSseMessage) batch.get(i);
            if (m.stream() != stream) {
                stream = m.stream();
                staleAfter = stream.staleAfter(); // one lock per stream's run of events
            }
            boolean keep = m.seq() <= staleAfter && decodes(m);
            if (m.seq() > staleAfter) {
                m.reject(true);
            }
            if (!keep && live == null) {
                live = new ArrayList<>(batch.subList(0, i));
            } else if (keep && live != null) {
                live.add(m);
            }
        }
        return live == null ? batch : live;
    }

    /** Tells each stream the last of its events that reaches the handler: one lock per run. */
    private static void markHandled(List<SseMessage> live) {
        for (int i = 0; i < live.size(); i++) {
            DefaultSseMessage m = (DefaultSseMessage) live.get(i);
            if (i + 1 == live.size() || ((DefaultSseMessage) live.get(i + 1)).stream() != m.stream()) {
                m.stream().handled(m.seq());
            }
        }
    }

    private boolean decodes(DefaultSseMessage m) {
        if (route.bodyType().isEmpty()) {
            return true;
        }
        try {
            m.decodeDeclared(route.bodyType().get());
            return true;
        } catch (DecodeException e) {
            LOG.warn("route '{}': event id '{}' from {} is not a valid {}; rejecting it: {}", route.name(),
                    m.lastEventId(), m.url(), route.bodyType().get().getSimpleName(), e.getMessage());
            metrics.invalid(m.url(), "decode");
            m.reject(false);
            return false;
        }
    }

    private void settle(List<SseMessage> batch, List<Action> actions) {
        Action[] finals = new Action[batch.size()];
        for (int i = 0; i < finals.length; i++) {
            DefaultSseMessage m = (DefaultSseMessage) batch.get(i);
            finals[i] = Outcomes.limitDeliveries(actions.get(i), m.deliveryCount(), route.options().maxDeliveries());
        }
        settleInStreams(batch, finals);
        int rejected = 0;
        SettledCounts counts = new SettledCounts(metrics);
        for (int i = 0; i < finals.length; i++) {
            DefaultSseMessage m = (DefaultSseMessage) batch.get(i);
            if (finals[i] == Action.REJECT && actions.get(i) == Action.REQUEUE) {
                LOG.warn("route '{}': event id '{}' from {} was delivered {} times (maxDeliveries); dropping it",
                        route.name(), m.lastEventId(), m.url(), m.deliveryCount());
            }
            if (finals[i] == Action.REJECT) {
                rejected++;
            }
            counts.add(m.url(), finals[i]);
        }
        counts.flush();
        if (rejected > 0) {
            LOG.info("route '{}': {} of {} events rejected and dropped; the stream moves past them",
                    route.name(), rejected, batch.size());
        }
    }

    /**
     * Hands each stream's run of events to it in one call; the stream turns the actions of
     * events that turned stale into REQUEUE.
     */
    @SuppressWarnings("unchecked")
    private static void settleInStreams(List<SseMessage> batch, Action[] finals) {
        List<DefaultSseMessage> events = (List<DefaultSseMessage>) (List<?>) batch;
        int from = 0;
        while (from < finals.length) {
            SseStream stream = events.get(from).stream();
            int to = from + 1;
            while (to < finals.length && events.get(to).stream() == stream) {
                to++;
            }
            stream.settled(events, finals, from, to);
            from = to;
        }
    }

    /** Counts settled events in runs of the same stream and action, one meter update per run. */
    private static final class SettledCounts {
        private final RouteMetrics metrics;
        private String url;
        private Action action;
        private int count;

        SettledCounts(RouteMetrics metrics) {
            this.metrics = metrics;
        }

        void add(String nextUrl, Action nextAction) {
            if (count > 0 && (!nextUrl.equals(url) || nextAction != action)) {
                flush();
            }
            url = nextUrl;
            action = nextAction;
            count++;
        }

        void flush() {
            if (count > 0) {
                metrics.settled(url, action, count);
                count = 0;
            }
        }
    }
}
