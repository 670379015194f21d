package io.asyncworker.sse.internal;

import io.asyncworker.observation.AsyncWorkerObservations;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.Kind;
import io.micrometer.observation.transport.SenderContext;
import io.vertx.core.MultiMap;

/**
 * The observation of one stream request (SPEC §16): a {@link Kind#CLIENT} sender whose
 * propagating handler writes the W3C trace context into the request's headers, stopped when the
 * response's head arrived or the attempt failed. Used on the stream's context only.
 */
final class ConnectObservation {
    private ConnectObservation() {
    }

    /** Starts observing a request whose headers are {@code headers}; {@link Observation#NOOP} when the registry is. */
    static Observation start(ObservationRegistry registry, String route, String method, String url, MultiMap headers) {
        if (registry.isNoop()) {
            return Observation.NOOP;
        }
        SenderContext<MultiMap> context = new SenderContext<>((carrier, key, value) -> carrier.set(key, value), Kind.CLIENT);
        context.setCarrier(headers);
        return Observation.createNotStarted(AsyncWorkerObservations.SSE_CONNECT, () -> context, registry)
                .contextualName(method + " " + route).lowCardinalityKeyValue(AsyncWorkerObservations.ROUTE, route)
                .lowCardinalityKeyValue(AsyncWorkerObservations.METHOD, method)
                .highCardinalityKeyValue(AsyncWorkerObservations.PATH, url).start();
    }

    /** The attempt got a response with {@code status}, or failed ({@code status} 0) with {@code failure}. */
    static void stop(Observation observation, int status, Throwable failure) {
        if (observation.isNoop()) {
            return;
        }
        observation.lowCardinalityKeyValue(AsyncWorkerObservations.STATUS, status == 0 ? "none" : Integer.toString(status));
        if (failure != null) {
            observation.error(failure);
        }
        observation.stop();
    }
}
