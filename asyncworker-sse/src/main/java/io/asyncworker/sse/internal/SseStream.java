package io.asyncworker.sse.internal;

import io.asyncworker.Action;
import io.asyncworker.ComponentHealth;
import io.asyncworker.ComponentHealth.State;
import io.asyncworker.spi.BatchPipeline;
import io.asyncworker.spi.Cancellable;
import io.asyncworker.spi.FlushReason;
import io.asyncworker.spi.RouteMetrics;
import io.asyncworker.spi.TimerService;
import io.asyncworker.sse.SseMessage;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One remote stream: connect, read, parse, feed the route's pipeline, and on any loss reconnect
 * with backoff from the last finished event.
 *
 * <p>Every field below the tracker is confined to the stream's Vert.x context (one event-loop
 * thread); timers and settlements hop onto it with {@code runOnContext}. A reconnect waits until
 * every delivered event has settled, so the {@code Last-Event-ID} it sends is exact.
 */
final class SseStream {
    private static final Logger LOG = LoggerFactory.getLogger(SseStream.class);
    private static final int MAX_REDIRECTS = 10;

    private enum Phase { IDLE, CONNECTING, OPEN, WAITING, ENDED, STOPPED }

    private final StreamSpec spec;
    private final HttpClient client;
    private final Context context;
    private final TimerService timer;
    private final BatchPipeline<SseMessage> pipeline;
    private final RouteMetrics metrics;
    private final ResumeTracker tracker;
    private volatile ComponentHealth health;
    private volatile Duration serverRetry;
    private volatile boolean paused;
    private volatile boolean awaitingSettle;

    private Phase phase = Phase.IDLE;
    private int generation;
    private Backoff backoff;
    private String currentUrl;
    private int redirects;
    private HttpClientRequest request;
    private HttpClientResponse response;
    private EventStreamParser parser;
    private boolean receivedSinceOpen;
    private int receivedInChunk;
    private final IdleWatchdog watchdog;
    private Cancellable reconnectTimer;

    SseStream(StreamSpec spec, HttpClient client, Context context, TimerService timer,
              BatchPipeline<SseMessage> pipeline, RouteMetrics metrics) {
        this.spec = spec;
        this.client = client;
        this.context = context;
        this.timer = timer;
        this.pipeline = pipeline;
        this.metrics = metrics;
        this.tracker = new ResumeTracker(spec.lastEventId());
        this.backoff = spec.backoff();
        this.currentUrl = spec.url();
        this.health = new ComponentHealth("stream", spec.componentName(), State.STARTING, "not connected yet");
        this.watchdog = new IdleWatchdog(timer, context, spec.readIdleTimeout(), () -> paused,
                gen -> failed(gen, "no data for " + spec.readIdleTimeout().toMillis() + " ms (read-idle timeout)"));
    }

    String url() {
        return spec.url();
    }

    ComponentHealth health() {
        return health;
    }

    /** The {@code Last-Event-ID} the next connection would send. */
    String resumeId() {
        return tracker.resumeId();
    }

    /** Opens the stream; returns at once. */
    void start() {
        context.runOnContext(v -> connect());
    }

    /** Closes the stream for good; completes once closed. */
    CompletableFuture<Void> stop() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        context.runOnContext(v -> {
            if (phase != Phase.ENDED) {
                setHealth(State.STOPPED, "stopped");
            }
            phase = Phase.STOPPED;
            generation++;
            cancel(reconnectTimer);
            closeCurrent();
            done.complete(null);
        });
        return done;
    }

    // ---- settlement, from handler threads ----

    /** Whether the event will come again after a reconnect anyway, see {@link ResumeTracker#isStale}. */
    boolean isStale(long seq) {
        return tracker.isStale(seq);
    }

    /** One of this stream's events reaches the user's handler. */
    void handled(long seq) {
        tracker.handled(seq);
    }

    /** Records the action for one of this stream's events. */
    void settled(DefaultSseMessage message, Action action) {
        afterSettle(tracker.settle(message.seq(), action, message.lastEventId()));
    }

    private void afterSettle(ResumeTracker.Change change) {
        if (change == ResumeTracker.Change.REQUEUED) {
            context.runOnContext(v -> requeued());
        } else if (awaitingSettle || (paused && tracker.unsettled() <= spec.highWater() / 2)) {
            context.runOnContext(v -> settledOnContext());
        }
    }

    private void settledOnContext() {
        if (paused && response != null && tracker.unsettled() <= spec.highWater() / 2) {
            paused = false;
            response.resume();
        }
        if (awaitingSettle && tracker.quiescent()) {
            reconnectWhenSettled(generation);
        }
    }

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
        setHealth(State.STARTING, "connecting to " + currentUrl);
        watchdog.start(gen);
        try {
            send(gen, new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(currentUrl)
                    .setHeaders(spec.requestHeaders(currentUrl, tracker.resumeId()))
                    .setConnectTimeout(spec.connectTimeout().toMillis()).setFollowRedirects(false));
        } catch (RuntimeException e) {
            failed(gen, "cannot request " + currentUrl + ": " + describe(e));
        }
    }

    private void send(int gen, RequestOptions options) {
        client.request(options)
                .compose(req -> {
                    if (gen != generation) {
                        req.reset();
                        return Future.failedFuture("superseded");
                    }
                    request = req;
                    return req.send();
                })
                .onComplete(ar -> {
                    if (ar.succeeded()) {
                        onResponse(gen, ar.result());
                    } else {
                        failed(gen, "cannot open " + currentUrl + ": " + describe(ar.cause()));
                    }
                });
    }

    private void onResponse(int gen, HttpClientResponse resp) {
        resp.exceptionHandler(t -> { }); // a reset we cause is no error; open() installs the real one
        if (gen != generation) {
            resp.request().reset();
            return;
        }
        int status = resp.statusCode();
        String type = resp.getHeader("Content-Type");
        if (status == 200 && StreamStatus.isEventStream(type)) {
            open(gen, resp);
        } else if (status == 204) {
            endForGood();
        } else if (StreamStatus.isRedirect(status) && resp.getHeader("Location") != null) {
            redirect(gen, resp.getHeader("Location"));
        } else {
            failed(gen, StreamStatus.describe(status, resp.statusMessage(), type, currentUrl));
        }
    }

    private void open(int gen, HttpClientResponse resp) {
        response = resp;
        phase = Phase.OPEN;
        receivedSinceOpen = false;
        parser = new EventStreamParser(new Reader(), tracker.resumeId());
        setHealth(State.UP, "open");
        metrics.consumerUp(spec.url(), true);
        LOG.info("route '{}': stream {} open{}", spec.route(), currentUrl,
                tracker.resumeId().isEmpty() ? "" : ", resuming after event id '" + tracker.resumeId() + "'");
        resp.handler(buf -> onChunk(gen, buf));
        resp.endHandler(v -> failed(gen, "the server closed the stream"));
        resp.exceptionHandler(t -> failed(gen, "connection lost: " + describe(t)));
    }

    private void onChunk(int gen, Buffer buf) {
        if (gen != generation) {
            return;
        }
        watchdog.read();
        receivedInChunk = 0;
        parser.feed(buf.getBytes());
        if (receivedInChunk > 0) {
            metrics.received(spec.url(), receivedInChunk);
        }
        if (!paused && tracker.unsettled() > spec.highWater()) {
            paused = true;
            response.pause();
            settledOnContext(); // settlements that raced with setting the flag did not wake us
        }
    }

    private void redirect(int gen, String location) {
        if (++redirects > MAX_REDIRECTS) {
            failed(gen, "more than " + MAX_REDIRECTS + " redirects from " + spec.url());
            return;
        }
        String next;
        try {
            next = Urls.requireAbsolute("Location", Urls.resolve(currentUrl, location));
        } catch (IllegalArgumentException e) {
            failed(gen, "bad redirect from " + currentUrl + ": " + describe(e));
            return;
        }
        LOG.debug("route '{}': {} redirects to {}", spec.route(), currentUrl, next);
        closeCurrent();
        currentUrl = next;
        connect();
    }

    private void endForGood() {
        closeCurrent();
        phase = Phase.ENDED;
        generation++;
        metrics.consumerUp(spec.url(), false);
        setHealth(State.STOPPED, "the server answered 204 No Content: the stream is over");
        LOG.info("route '{}': {} answered 204 No Content; not reconnecting", spec.route(), currentUrl);
    }

    private void failed(int gen, String reason) {
        if (gen != generation || phase == Phase.STOPPED || phase == Phase.ENDED) {
            return;
        }
        generation++;
        boolean wasOpen = phase == Phase.OPEN;
        closeCurrent();
        if (wasOpen) {
            pipeline.flush(FlushReason.END);
        }
        if (receivedSinceOpen) {
            backoff = backoff.reset();
            receivedSinceOpen = false;
        }
        Duration delay = backoff.delay(ThreadLocalRandom.current().nextDouble());
        backoff = backoff.next();
        phase = Phase.WAITING;
        metrics.consumerUp(spec.url(), false);
        setHealth(State.DOWN, reason + "; reconnecting in " + delay.toMillis() + " ms");
        LOG.warn("route '{}': stream {}: {}; reconnecting in {} ms", spec.route(), spec.url(), reason, delay.toMillis());
        int waitGen = generation;
        reconnectTimer = timer.schedule(delay, () -> context.runOnContext(v -> reconnectWhenSettled(waitGen)));
    }

    private void reconnectWhenSettled(int gen) {
        if (gen != generation || phase != Phase.WAITING) {
            return;
        }
        awaitingSettle = true; // before the check, so that a settlement racing with it is not missed
        if (!tracker.quiescent()) {
            setHealth(State.DOWN, "waiting for " + tracker.unsettled() + " events in flight to finish before resuming");
            return;
        }
        awaitingSettle = false;
        tracker.reconnected();
        currentUrl = spec.url();
        redirects = 0;
        connect();
    }

    private void closeCurrent() {
        watchdog.stop();
        if (request != null) {
            request.reset();
            request = null;
        }
        response = null;
        if (parser != null) {
            parser.end();
            parser = null;
        }
        paused = false;
    }

    private void setHealth(State state, String detail) {
        health = new ComponentHealth("stream", spec.componentName(), state, detail);
    }

    private static void cancel(Cancellable c) {
        if (c != null) {
            c.cancel();
        }
    }

    private static String describe(Throwable t) {
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    /** The parser's listener: turns events into messages for the pipeline, on the context. */
    private final class Reader implements EventStreamParser.Listener {
        @Override
        public void onEvent(SseEvent event) {
            long seq = tracker.deliver();
            receivedSinceOpen = true;
            receivedInChunk++;
            pipeline.add(new DefaultSseMessage(SseStream.this, seq, event, serverRetry, tracker.deliveryCount(seq), spec.codec()));
        }

        @Override
        public void onRetry(long millis) {
            serverRetry = Duration.ofMillis(millis);
            backoff = backoff.withRetry(serverRetry);
        }

        @Override
        public void onLastEventId(String lastEventId) {
            afterSettle(tracker.idOnly(lastEventId));
        }
    }
}
