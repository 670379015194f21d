package io.asyncworker.http.internal;

import io.asyncworker.http.HttpException;
import io.asyncworker.http.HttpMethod;
import io.asyncworker.http.HttpRoute;
import io.asyncworker.http.Request;
import io.asyncworker.http.Response;
import io.asyncworker.spi.TaskRunner;
import io.micrometer.observation.ObservationRegistry;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.function.BiConsumer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs each request's handler on a virtual thread of its own and sends what it answers. The
 * event loop only copies the request and starts the thread (with the others of its turn, see
 * {@link TurnBatchedStarts}). Thread-safe.
 */
final class Dispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);

    /** How long interrupted handlers get to end after the shutdown budget. */
    private static final Duration INTERRUPT_GRACE = Duration.ofSeconds(1);

    private final InFlight inFlight;
    private final HttpMetrics metrics;
    private final ObservationRegistry observations;
    // One fixed name: a numbered name costs a counter and a string per request on the event loop.
    private final TaskRunner runner = TaskRunner.virtual("asyncworker-http", Integer.MAX_VALUE);
    private final Executor onVirtualThread = task -> runner.submit(task::run);
    private final TurnBatchedStarts starts = new TurnBatchedStarts(runner);

    Dispatcher(InFlight inFlight, HttpMetrics metrics, ObservationRegistry observations) {
        this.inFlight = inFlight;
        this.metrics = metrics;
        this.observations = observations;
    }

    /** What serves one path of a route for a method. */
    Target target(HttpRoute route, HttpMethod method, String template) {
        return new Target(route, method, template);
    }

    /** One path of a route for a method; {@link #dispatch} runs on the event loop. */
    final class Target {
        private final HttpRoute route;
        private final HttpMethod method;
        private final String template;

        private Target(HttpRoute route, HttpMethod method, String template) {
            this.route = route;
            this.method = method;
            this.template = template;
        }

        /** Captures the request with its body read and starts the handler on a virtual thread. */
        void dispatch(RoutingContext rc, Buffer body, HttpMetrics.Timing timing) {
            Request request = DefaultRequest.of(method, rc, template, route.codec(), body);
            starts.start(new Job(route, request, new Exchange(rc, inFlight, metrics, timing)));
        }
    }

    /** One request's handler run, as started on its virtual thread. */
    private final class Job implements TurnBatchedStarts.Task {
        private final HttpRoute route;
        private final Request request;
        private final Exchange exchange;
        private volatile boolean abandoned;

        private Job(HttpRoute route, Request request, Exchange exchange) {
            this.route = route;
            this.request = request;
            this.exchange = exchange;
        }

        @Override
        public void run() {
            Dispatcher.this.run(this);
        }

        /** The stop interrupts the handler: its failure is then expected, not an error. */
        @Override
        public void abandon() {
            abandoned = true;
        }

        @Override
        public void notStarted(RuntimeException cause) {
            LOG.error("HTTP route '{}': cannot start a virtual thread for {}", route.name(), request, cause);
            exchange.send(Reply.error(503, "server cannot take the request now", "route", route.name()));
        }
    }

    /**
     * Interrupts every handler still running once the shutdown budget is spent; each logs one WARN
     * line, like a schedule run, and its request gets a 503.
     *
     * @return how many were interrupted, counted before interrupting
     */
    TaskRunner.Stopped interruptAll() {
        return runner.stop(Duration.ZERO, INTERRUPT_GRACE);
    }

    private void run(Job job) {
        HttpRoute route = job.route;
        Request request = job.request;
        RequestObservation observation = RequestObservation.start(observations, route.name(), request);
        CompletionStage<Response> stage;
        try {
            stage = observation.inScope(route.name(), () -> route.handler().handle(request));
            if (stage == null) {
                throw new IllegalStateException("handler returned null instead of a CompletionStage");
            }
        } catch (Throwable e) {
            stage = CompletableFuture.failedFuture(e);
        }
        BiConsumer<Response, Throwable> answer = (response, error) -> {
            Reply reply = job.abandoned ? interrupted(route, request, error) : reply(route, request, response, error);
            observation.stop(reply.status(), error == null || reply.status() < 500 ? null : unwrap(error));
            job.exchange.send(reply);
        };
        if (stage instanceof CompletableFuture<Response> done && done.isDone()) {
            stage.whenComplete(answer);
        } else {
            // The stage may complete on an I/O thread; encoding the body is user code, so leave that thread.
            stage.whenCompleteAsync(answer, onVirtualThread);
        }
    }

    private static Reply reply(HttpRoute route, Request request, Response response, Throwable error) {
        if (error == null && response == null) {
            error = new IllegalStateException("handler returned null instead of a Response");
        }
        if (error == null) {
            try {
                return Reply.of(response, route.codec());
            } catch (RuntimeException encodeFailure) {
                error = encodeFailure;
            }
        }
        return failure(route, request, unwrap(error));
    }

    private static Reply interrupted(HttpRoute route, Request request, Throwable error) {
        LOG.warn("HTTP route '{}': handler for {} was interrupted by the stop{}", route.name(), request,
                error == null ? "" : ": " + unwrap(error));
        return Reply.error(503, "server is stopping", "route", route.name());
    }

    private static Reply failure(HttpRoute route, Request request, Throwable error) {
        if (error instanceof HttpException e) {
            if (e.status() >= 500) {
                LOG.warn("HTTP route '{}' answered {} to {}: {}", route.name(), e.status(), request, e.getMessage());
            } else {
                LOG.debug("HTTP route '{}' answered {} to {}: {}", route.name(), e.status(), request, e.getMessage());
            }
            return Reply.error(e);
        }
        LOG.error("HTTP route '{}' failed on {}", route.name(), request, error);
        return Reply.error(500, "internal server error", "route", route.name());
    }

    private static Throwable unwrap(Throwable error) {
        Throwable e = error;
        while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }
}
