package io.asyncworker.sse.internal;

import io.asyncworker.Action;
import io.asyncworker.ComponentHealth;
import io.asyncworker.spi.BatchPipeline;
import io.asyncworker.spi.Cancellable;
import io.asyncworker.spi.FlushReason;
import io.asyncworker.spi.RouteMetrics;
import io.asyncworker.spi.TimerService;
import io.asyncworker.sse.SseMessage;
import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One remote stream: connect, read, parse, feed the route's pipeline, and on any loss reconnect
 * with backoff from the last finished event. The request and its redirects are the
 * {@link StreamConnector}'s, the resume point the {@link ResumeTracker}'s, pausing the
 * {@link FlowControl}'s, and what health shows the {@link StreamHealth}'s.
 *
 * <p>Every mutable field is confined to the stream's Vert.x context (one event-loop thread);
 * timers and settlements hop onto it with {@code runOnContext}. A reconnect waits until every
 * delivered event has settled, so the {@code Last-Event-ID} it sends is exact. Each connection
 * attempt has a generation number; callbacks of an older attempt are ignored.
 */
final class SseStream implements StreamConnector.Outcome {
    private static final Logger LOG = LoggerFactory.getLogger(SseStream.class);

    private enum Phase { IDLE, CONNECTING, OPEN, WAITING, ENDED, STOPPED }

    private final StreamSpec spec;
    private final Context context;
    private final TimerService timer;
    private final BatchPipeline<SseMessage> pipeline;
    private final RouteMetrics metrics;
    private final ResumeTracker tracker;
    private final StreamHealth health;
    private final FlowControl flow;
    private final StreamConnector connector;
    private final IdleWatchdog watchdog;
    private final Reconnects reconnects;
    private final WarnLimiter warnings;
    private volatile Duration serverRetry;
    private volatile boolean awaitingSettle;

    private Phase phase = Phase.IDLE;
    private int generation;
    private HttpClientResponse response;
    private EventStreamParser parser;
    private int receivedInChunk;
    /** Reused for every chunk, so that reading allocates no copy of it. */
    private byte[] chunkBytes = new byte[0];
    private Cancellable reconnectTimer;

    SseStream(StreamSpec spec, HttpClient client, Context context, TimerService timer,
              BatchPipeline<SseMessage> pipeline, RouteMetrics metrics) {
        this.spec = spec;
        this.context = context;
        this.timer = timer;
        this.pipeline = pipeline;
        this.metrics = metrics;
        this.tracker = new ResumeTracker(spec.lastEventId());
        this.health = new StreamHealth(spec, metrics);
        this.flow = new FlowControl(spec.highWater());
        this.connector = new StreamConnector(spec, client, gen -> gen == generation, this);
        this.reconnects = new Reconnects(spec.backoff(), timer);
        this.warnings = new WarnLimiter(timer, WarnLimiter.WINDOW);
        this.watchdog = new IdleWatchdog(timer, context, spec.readIdleTimeout(), flow::paused,
                gen -> failed(gen, "no data for " + spec.readIdleTimeout().toMillis() + " ms (read-idle timeout)"));
    }

    String url() {
        return spec.url();
    }

    ComponentHealth health() {
        return health.current();
    }

    /** The {@code Last-Event-ID} the next connection would send. */
    String resumeId() {
        return tracker.resumeId();
    }

    /** Opens the stream; returns at once. */
    void start() {
        context.runOnContext(v -> connect());
    }

    /** Closes the stream for good, cancelling its timers; completes once closed. */
    CompletableFuture<Void> stop() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        context.runOnContext(v -> {
            health.stopped();
            phase = Phase.STOPPED;
            generation++;
            cancelReconnect();
            closeCurrent();
            done.complete(null);
        });
        return done;
    }

    // ---- settlement, from handler threads ----

    /**
     * The sequence number after which this stream's events will come again after a reconnect
     * anyway, see {@link ResumeTracker#staleAfter}.
     */
    long staleAfter() {
        return tracker.staleAfter();
    }

    /** This stream's events up to {@code seq} reach the user's handler. */
    void handled(long seq) {
        tracker.handled(seq);
    }

    /** Records the actions of {@code batch[from, to)}, all this stream's, see {@link ResumeTracker#settle}. */
    void settled(List<DefaultSseMessage> batch, Action[] actions, int from, int to) {
        afterSettle(tracker.settle(batch, actions, from, to));
    }

    private void afterSettle(ResumeTracker.Change change) {
        if (change == ResumeTracker.Change.REQUEUED) {
            context.runOnContext(v -> requeued());
        }
        if (awaitingSettle || flow.mayResume(tracker.unsettled())) {
            context.runOnContext(v -> settledOnContext());
        }
    }

    private void settledOnContext() {
        flow.resumeIfDrained(response, tracker.unsettled());
        if (awaitingSettle && tracker.quiescent()) {
            reconnectWhenSettled(generation);
        }
    }

    /** A REQUEUE froze the resume point: drop what waits in the bucket and reopen from there. */
    private void requeued() {
        if (!tracker.frozen() || phase == Phase.STOPPED || phase == Phase.ENDED) {
            return;
        }
        if (phase == Phase.OPEN || phase == Phase.CONNECTING) {
            List<SseMessage> dropped = pipeline.discard(m -> m instanceof DefaultSseMessage d && d.stream() == this);
            for (SseMessage m : dropped) {
                DefaultSseMessage d = (DefaultSseMessage) m;
                tracker.settle(d.seq(), Action.REQUEUE, d.lastEventId());
            }
            failed(generation, "a batch was requeued; resuming from event id '" + tracker.resumeId() + "'");
        } else if (awaitingSettle && tracker.quiescent()) {
            reconnectWhenSettled(generation);
        }
    }

    // ---- connection lifecycle, on the context ----

    private void connect() {
        if (phase == Phase.STOPPED || phase == Phase.ENDED) {
            return;
        }
        int gen = ++generation;
        phase = Phase.CONNECTING;
        health.connecting(connector.currentUrl());
        watchdog.start(gen);
        connector.send(gen, tracker.resumeId());
    }

    @Override
    public void open(int gen, HttpClientResponse resp) {
        response = resp;
        phase = Phase.OPEN;
        reconnects.opened();
        parser = new EventStreamParser(new Reader(), tracker.resumeId(), spec.maxEventSize());
        health.open();
        LOG.info("route '{}': stream {} open{}", spec.route(), connector.currentUrl(),
                tracker.resumeId().isEmpty() ? "" : ", resuming after event id '" + tracker.resumeId() + "'");
        resp.handler(buf -> onChunk(gen, buf));
        resp.endHandler(v -> failed(gen, "the server closed the stream"));
        resp.exceptionHandler(t -> failed(gen, "connection lost: " + StreamConnector.describe(t)));
    }

    private void onChunk(int gen, Buffer buf) {
        if (gen != generation) {
            return;
        }
        watchdog.read();
        receivedInChunk = 0;
        int len = buf.length();
        if (chunkBytes.length < len) {
            chunkBytes = new byte[Math.max(len, 16 * 1024)];
        }
        buf.getBytes(0, len, chunkBytes, 0);
        try {
            parser.feed(chunkBytes, 0, len);
        } catch (OversizedInputException e) {
            countReceived();
            oversized(gen, e.getMessage());
            return;
        }
        countReceived();
        if (flow.pauseIfFull(response, tracker.unsettled())) {
            settledOnContext(); // settlements that raced with pausing did not wake us
        }
    }

    private void countReceived() {
        if (receivedInChunk > 0) {
            metrics.received(spec.url(), receivedInChunk);
        }
    }

    /** The server sent more than the maximum event size: drop the connection, count it, reopen. */
    private void oversized(int gen, String what) {
        metrics.invalid(spec.url(), "oversized");
        lost(gen, "the server sent " + what + " (maxEventSize), so the connection was dropped;"
                + " it reopens from the last finished event", false);
    }

    @Override
    public void redirected(int gen) {
        closeCurrent();
        connect();
    }

    @Override
    public void noContent(int gen) {
        closeCurrent();
        phase = Phase.ENDED;
        generation++;
        health.ended();
        LOG.info("route '{}': {} answered 204 No Content; not reconnecting", spec.route(), connector.currentUrl());
    }

    @Override
    public void failed(int gen, String reason) {
        lost(gen, reason, true);
    }

    /**
     * The attempt or connection {@code gen} is over: flush, and reconnect after the backoff delay.
     *
     * @param mayReset whether the connection may count as a success for the backoff
     */
    private void lost(int gen, String reason, boolean mayReset) {
        if (gen != generation || phase == Phase.STOPPED || phase == Phase.ENDED) {
            return;
        }
        generation++;
        boolean wasOpen = phase == Phase.OPEN;
        closeCurrent();
        if (wasOpen) {
            pipeline.flush(FlushReason.END);
        }
        Duration delay = reconnects.afterLoss(mayReset, ThreadLocalRandom.current().nextDouble());
        phase = Phase.WAITING;
        health.down(reason + "; reconnecting in " + delay.toMillis() + " ms");
        warn(reason, delay);
        int waitGen = generation;
        cancelReconnect();
        reconnectTimer = timer.schedule(delay, () -> context.runOnContext(v -> reconnectWhenSettled(waitGen)));
    }

    /** Logs a loss, at most once per stream and {@link WarnLimiter#WINDOW}; the rest go to DEBUG. */
    private void warn(String reason, Duration delay) {
        int heldBack = warnings.admit();
        if (heldBack < 0) {
            LOG.debug("route '{}': stream {}: {}; reconnecting in {} ms", spec.route(), spec.url(), reason,
                    delay.toMillis());
        } else {
            LOG.warn("route '{}': stream {}: {}; reconnecting in {} ms{}", spec.route(), spec.url(), reason,
                    delay.toMillis(), heldBack == 0 ? "" : " (" + heldBack + " more losses of this stream since the"
                            + " last warning, logged at DEBUG)");
        }
    }

    private void reconnectWhenSettled(int gen) {
        if (gen != generation || phase != Phase.WAITING) {
            return;
        }
        reconnectTimer = null;
        awaitingSettle = true; // before the check, so that a settlement racing with it is not missed
        if (!tracker.quiescent()) {
            health.waitingForSettlements(tracker.unsettled());
            return;
        }
        awaitingSettle = false;
        tracker.reconnected();
        connector.restart();
        connect();
    }

    private void closeCurrent() {
        watchdog.stop();
        connector.close();
        response = null;
        if (parser != null) {
            parser.end();
            parser = null;
        }
        flow.reset();
    }

    private void cancelReconnect() {
        if (reconnectTimer != null) {
            reconnectTimer.cancel();
            reconnectTimer = null;
        }
    }

    /** The parser's listener: turns events into messages for the pipeline, on the context. */
    private final class Reader implements EventStreamParser.Listener {
        @Override
        public void onEvent(String type, String data, String lastEventId) {
            long seq = tracker.deliver();
            reconnects.delivered();
            receivedInChunk++;
            pipeline.add(new DefaultSseMessage(SseStream.this, seq, type, data, lastEventId, serverRetry,
                    tracker.deliveryCount(seq), spec.codec()));
        }

        @Override
        public void onRetry(long millis) {
            serverRetry = Duration.ofMillis(millis);
            reconnects.retry(serverRetry);
        }

        @Override
        public void onLastEventId(String lastEventId) {
            afterSettle(tracker.idOnly(lastEventId));
        }
    }
}
