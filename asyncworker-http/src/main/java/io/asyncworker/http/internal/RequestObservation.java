package io.asyncworker.http.internal;

import io.asyncworker.http.Request;
import io.asyncworker.observation.AsyncWorkerObservations;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.Kind;
import io.micrometer.observation.transport.ReceiverContext;
import org.slf4j.MDC;

/**
 * The observation of one HTTP request (SPEC §16): a {@link Kind#SERVER} receiver whose carrier is
 * the request, so a propagating handler continues the caller's W3C trace ({@code traceparent}). It
 * starts on the handler's virtual thread, is in scope (with the route in the MDC) while the handler
 * runs there, and stops when the answer is known, on whatever thread that is.
 */
final class RequestObservation {
    private final Observation observation;

    private RequestObservation(Observation observation) {
        this.observation = observation;
    }

    /** Starts observing a request; nothing when the registry is a no-op. */
    static RequestObservation start(ObservationRegistry registry, String route, Request request) {
        if (registry.isNoop()) {
            return new RequestObservation(Observation.NOOP);
        }
        ReceiverContext<Request> context = new ReceiverContext<>((carrier, key) -> carrier.header(key).orElse(null),
                Kind.SERVER);
        context.setCarrier(request);
        return new RequestObservation(Observation.createNotStarted(AsyncWorkerObservations.HTTP, () -> context, registry)
                .contextualName(request.method() + " " + request.routePath())
                .lowCardinalityKeyValue(AsyncWorkerObservations.ROUTE, route)
                .lowCardinalityKeyValue(AsyncWorkerObservations.METHOD, request.method().name())
                .highCardinalityKeyValue(AsyncWorkerObservations.PATH, request.path())
                .start());
    }

    /** Runs the handler's own part on this thread with the route in the MDC and the observation in scope. */
    <T> T inScope(String route, ScopedCall<T> call) throws Exception {
        MDC.put(AsyncWorkerObservations.MDC_ROUTE, route);
        try (Observation.Scope ignored = observation.openScope()) {
            return call.call();
        } finally {
            MDC.remove(AsyncWorkerObservations.MDC_ROUTE);
        }
    }

    /** The answer is known: records its status and the handler's failure, if any. */
    void stop(int status, Throwable failure) {
        if (observation.isNoop()) {
            return;
        }
        observation.lowCardinalityKeyValue(AsyncWorkerObservations.STATUS, Integer.toString(status));
        if (failure != null) {
            observation.error(failure);
        }
        observation.stop();
    }

    /** The handler's call. */
    @FunctionalInterface
    interface ScopedCall<T> {
        T call() throws Exception;
    }
}
