package io.asyncworker.sse.internal;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.vertx.core.Future;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.RequestOptions;
import java.util.function.IntPredicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one stream request at a time and sorts out its response: {@code 200 text/event-stream}
 * opens the stream, {@code 204} ends it, a redirect is followed (at most {@value #MAX_REDIRECTS}
 * in a row, credentials only to the stream's own origin), anything else fails the attempt.
 * Confined to the stream's Vert.x context.
 */
final class StreamConnector {
    private static final Logger LOG = LoggerFactory.getLogger(StreamConnector.class);
    static final int MAX_REDIRECTS = 10;

    /** What became of an attempt; called on the context for the attempt's generation. */
    interface Outcome {
        void open(int gen, HttpClientResponse response);

        void noContent(int gen);

        void redirected(int gen);

        void failed(int gen, String reason);
    }

    private final StreamSpec spec;
    private final HttpClient client;
    private final IntPredicate isCurrent;
    private final Outcome outcome;
    private final ObservationRegistry observations;
    private String currentUrl;
    private String currentMethod;
    private boolean withBody;
    private int redirects;
    private HttpClientRequest request;

    /** @param isCurrent whether a generation is still the stream's live attempt */
    StreamConnector(StreamSpec spec, HttpClient client, IntPredicate isCurrent, Outcome outcome,
                    ObservationRegistry observations) {
        this.spec = spec;
        this.observations = observations;
        this.client = client;
        this.isCurrent = isCurrent;
        this.outcome = outcome;
        restart();
    }

    /** The URL the next or current attempt asks, after redirects. */
    String currentUrl() {
        return currentUrl;
    }

    /** A reconnect goes to the stream's own URL again, with its method and body and a fresh redirect budget. */
    void restart() {
        currentUrl = spec.url();
        currentMethod = spec.method();
        withBody = spec.body().isPresent();
        redirects = 0;
    }

    /** Sends the request of attempt {@code gen}, resuming after {@code resumeId}. */
    void send(int gen, String resumeId) {
        warnIfUnsendable(resumeId);
        Observation attempt = Observation.NOOP;
        try {
            RequestOptions options = spec.requestOptions(currentUrl, currentMethod, withBody, resumeId);
            attempt = ConnectObservation.start(observations, spec.route(), currentMethod, currentUrl, options.getHeaders());
            Observation observed = attempt;
            client.request(options)
                    .compose(req -> {
                        if (!isCurrent.test(gen)) {
                            req.reset();
                            return Future.failedFuture("superseded");
                        }
                        request = req;
                        return spec.send(req, withBody);
                    })
                    .onComplete(ar -> {
                        if (ar.succeeded()) {
                            ConnectObservation.stop(observed, ar.result().statusCode(), null);
                            onResponse(gen, ar.result());
                        } else {
                            ConnectObservation.stop(observed, 0, ar.cause());
                            outcome.failed(gen, "cannot open " + currentUrl + ": " + describe(ar.cause()));
                        }
                    });
        } catch (RuntimeException e) {
            ConnectObservation.stop(attempt, 0, e);
            outcome.failed(gen, "cannot request " + currentUrl + ": " + describe(e));
        }
    }

    private void warnIfUnsendable(String resumeId) {
        if (!StreamSpec.isSendable(resumeId)) {
            LOG.warn("route '{}': event id '{}' of {} holds a control character, which HTTP forbids in a header;"
                    + " reconnecting without Last-Event-ID", spec.route(), resumeId.replaceAll("\\p{Cntrl}", "?"),
                    spec.url());
        }
    }

    /** Aborts the current request, if any. */
    void close() {
        if (request != null) {
            request.reset();
            request = null;
        }
    }

    private void onResponse(int gen, HttpClientResponse resp) {
        resp.exceptionHandler(t -> { }); // a reset we cause is no error; the stream installs the real one
        if (!isCurrent.test(gen)) {
            resp.request().reset();
            return;
        }
        int status = resp.statusCode();
        String type = resp.getHeader("Content-Type");
        if (status == 200 && StreamStatus.isEventStream(type)) {
            outcome.open(gen, resp);
        } else if (status == 204) {
            outcome.noContent(gen);
        } else if (StreamStatus.isRedirect(status) && resp.getHeader("Location") != null) {
            redirect(gen, status, resp.getHeader("Location"));
        } else {
            outcome.failed(gen, StreamStatus.describe(status, resp.statusMessage(), type, currentUrl));
        }
    }

    private void redirect(int gen, int status, String location) {
        if (++redirects > MAX_REDIRECTS) {
            outcome.failed(gen, "more than " + MAX_REDIRECTS + " redirects from " + spec.url());
            return;
        }
        String next;
        try {
            next = Urls.requireAbsolute("Location", Urls.resolve(currentUrl, location));
        } catch (IllegalArgumentException e) {
            outcome.failed(gen, "bad redirect from " + currentUrl + ": " + describe(e));
            return;
        }
        LOG.debug("route '{}': {} redirects to {}", spec.route(), currentUrl, next);
        close();
        currentUrl = next;
        if (status == 303 || ((status == 301 || status == 302) && currentMethod.equals("POST"))) {
            currentMethod = "GET"; // as browsers do; 307 and 308 keep the method and body
            withBody = false;
        }
        outcome.redirected(gen);
    }

    static String describe(Throwable t) {
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
