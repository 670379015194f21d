package io.asyncworker.sse.internal;

import io.asyncworker.Action;
import io.asyncworker.ComponentHealth;
import io.asyncworker.spi.BatchPipeline;
import io.asyncworker.spi.Cancellable;
import io.asyncworker.spi.FlushReason;
import io.asyncworker.spi.Backoff;
import io.asyncworker.spi.TimerService;
import io.asyncworker.sse.SseMessage;
import io.micrometer.observation.ObservationRegistry;
import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
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
    private final BatchPipeline<SseEvent, SseMessage> pipeline;
    private final ResumeTracker tracker;
    private final StreamHealth health;
    private final FlowControl flow;
    private final StreamConnector connector;
    private final IdleWatchdog watchdog;
    private final Reconnects reconnects;
    private final LossLog losses;
    private final StreamEvents events;
    private volatile boolean awaitingSettle;
    /** The delay a retry asked for before the next reconnect from the resume point; null for none. */
    private final AtomicReference<Duration> retryDelay = new AtomicReference<>();

    private Phase phase = Phase.IDLE;
    private int generation;
    private HttpClientResponse response;
    private ConnectionReader reader;
    private Cancellable reconnectTimer;

    SseStream(StreamSpec spec, HttpClient client, Context context, TimerService timer,
              BatchPipeline<SseEvent, SseMessage> pipeline, ObservationRegistry observations) {
        this.spec = spec;
        this.context = context;
        this.timer = timer;
        this.pipeline = pipeline;
        this.tracker = new ResumeTracker(spec.lastEventId());
        this.health = new StreamHealth(spec, pipeline.metrics());
        this.flow = new FlowControl(spec.highWater());
        this.connector = new StreamConnector(spec, client, gen -> gen == generation, this, observations);
        this.reconnects = new Reconnects(spec.backoff(), timer);
        this.losses = new LossLog(timer, spec.route(), spec.url());
        this.events = new StreamEvents(spec.listener(), new StreamControl(this, spec, tracker), timer);
        this.watchdog = new IdleWatchdog(timer, context, spec.readIdleTimeout(), flow::paused,
                gen -> failed(gen, "no data for " + spec.readIdleTimeout().toMillis() + " ms (read-idle timeout)"));
    }

    String url() {
        return spec.url();
    }

    /**
     * {@link io.asyncworker.sse.SseStreamControl#restart()}; thread-safe, hops onto the context.
     * After the app closed, the context's event loop is gone and there is nothing to restart.
     */
    void restart() {
        try {
            context.runOnContext(v -> restartNow());
        } catch (RejectedExecutionException closed) {
            LOG.debug("route '{}': stream {} not restarted, the app is closed", spec.route(), spec.url());
        }
    }

    ComponentHealth health() {
        return health.current();
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
            if (phase == Phase.OPEN) {
                events.closed("the app stopped");
            }
            phase = Phase.STOPPED;
            generation++;
            cancelReconnect();
            closeCurrent();
            done.complete(null);
        });
        return done;
    }

    // ---- settlement, from handler threads ----

    /** Whether an event will come again after a reconnect anyway, see {@link ResumeTracker#isStale}. */
    boolean isStale(long seq) {
        return tracker.isStale(seq);
    }

    /** This stream's events up to {@code seq} reach the user's handler. */
    void handled(long seq) {
        tracker.handled(seq);
    }

    /** Records the actions of {@code batch[from, to)}, all this stream's, see {@link ResumeTracker#settle}. */
    void settled(List<SseEvent> batch, Action[] actions, int from, int to) {
        afterSettle(tracker.settle(batch, actions, from, to));
    }

    /**
     * Failed events of this stream are retried (SPEC §14): the reconnect that delivers them again
     * waits {@code delay} (the longest asked for) instead of the connection's backoff. Called from
     * handler threads before {@link #settled}.
     */
    void retryAfter(Duration delay) {
        retryDelay.accumulateAndGet(delay, (a, b) -> a == null || b.compareTo(a) > 0 ? b : a);
    }

    /** A dispatch point without data changed the last event ID; on the context. */
    void idOnly(String lastEventId) {
        afterSettle(tracker.idOnly(lastEventId));
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
            for (SseEvent e : pipeline.discardStale()) {
                e.stream().settled(List.of(e), new Action[] {Action.REQUEUE}, 0, 1);
            }
            lost(generation, (retryDelay.get() != null ? "failed events are retried" : "a batch was requeued")
                    + "; resuming from event id '" + tracker.resumeId() + "'", Loss.REQUEUED);
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
        reader = new ConnectionReader(this, spec, tracker, pipeline, reconnects, events);
        health.open();
        events.opened();
        LOG.info("route '{}': stream {} open{}", spec.route(), connector.currentUrl(),
                tracker.resumeId().isEmpty() ? "" : ", resuming after event id '" + tracker.resumeId() + "'");
        resp.handler(buf -> onChunk(gen, buf));
        resp.endHandler(v -> lost(gen, "the server closed the stream", Loss.ENDED));
        resp.exceptionHandler(t -> failed(gen, "connection lost: " + StreamConnector.describe(t)));
    }

    private void onChunk(int gen, Buffer buf) {
        if (gen != generation) {
            return;
        }
        watchdog.read();
        try {
            reader.read(buf);
        } catch (OversizedInputException e) {
            pipeline.metrics().invalid(spec.url(), "oversized");
            lost(gen, "the server sent " + e.getMessage() + " (maxEventSize), so the connection was dropped;"
                    + " it reopens from the last finished event", Loss.OVERSIZED);
            return;
        }
        if (flow.pauseIfFull(response, tracker.unsettled())) {
            settledOnContext(); // settlements that raced with pausing did not wake us
        }
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
        events.closed("the server answered 204 No Content: the stream is over");
        LOG.info("route '{}': {} answered 204 No Content; not reconnecting", spec.route(), connector.currentUrl());
    }

    @Override
    public void failed(int gen, String reason) {
        lost(gen, reason, Loss.FAILED);
    }

    /**
     * The attempt or connection {@code gen} is over: flush, tell the listener, and reconnect after
     * the backoff delay (at once after a restart).
     */
    private void lost(int gen, String reason, Loss loss) {
        if (gen != generation || phase == Phase.STOPPED || phase == Phase.ENDED) {
            return;
        }
        generation++;
        boolean wasOpen = phase == Phase.OPEN;
        closeCurrent();
        if (wasOpen) {
            pipeline.flush(FlushReason.END);
        }
        events.lost(loss, reason, wasOpen);
        phase = Phase.WAITING;
        int waitGen = generation;
        cancelReconnect();
        if (loss == Loss.RESTARTED) {
            reconnectNow(waitGen, reason);
            return;
        }
        Duration delay = delayAfter(loss);
        health.down(reason + "; reconnecting in " + delay.toMillis() + " ms");
        losses.lost(reason, delay);
        reconnectTimer = timer.schedule(delay, () -> context.runOnContext(v -> reconnectWhenSettled(waitGen)));
    }

    /** A retry's delay after a requeue that asked for one (not a connection failure), else the backoff's. */
    private Duration delayAfter(Loss loss) {
        Duration retry = loss == Loss.REQUEUED ? retryDelay.getAndSet(null) : null;
        if (retry != null) {
            reconnects.restarted();
            return retry;
        }
        return reconnects.afterLoss(loss.mayReset(), ThreadLocalRandom.current().nextDouble());
    }

    /** Reconnects without a delay and without counting a failure: the application asked for it. */
    private void reconnectNow(int gen, String reason) {
        reconnects.restarted();
        health.down(reason + "; reconnecting now");
        losses.restarted(reason);
        reconnectWhenSettled(gen);
    }

    /** {@link #restart()}, on the context. */
    private void restartNow() {
        switch (phase) {
            case OPEN, CONNECTING -> lost(generation, "restarted by the application", Loss.RESTARTED);
            case WAITING -> {
                cancelReconnect();
                reconnectWhenSettled(generation);
            }
            case ENDED -> {
                phase = Phase.WAITING;
                reconnectWhenSettled(++generation);
            }
            default -> { } // IDLE: start() connects anyway; STOPPED: nothing to restart
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
        if (reader != null) {
            reader.end();
            reader = null;
        }
        flow.reset();
    }

    private void cancelReconnect() {
        if (reconnectTimer != null) {
            reconnectTimer.cancel();
            reconnectTimer = null;
        }
    }
}
