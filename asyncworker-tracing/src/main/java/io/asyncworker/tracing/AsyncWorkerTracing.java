package io.asyncworker.tracing;

import io.asyncworker.tracing.internal.TraceLogContext;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationHandler.FirstMatchingCompositeObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import io.micrometer.tracing.handler.PropagatingReceiverTracingObservationHandler;
import io.micrometer.tracing.handler.PropagatingSenderTracingObservationHandler;
import io.micrometer.tracing.propagation.Propagator;
import java.util.Objects;

/**
 * Tracing for an asyncworker app with Micrometer Tracing (SPEC §16): spans for every handler run,
 * HTTP request, schedule run, publish and SSE request; W3C trace context written into published
 * messages and SSE requests and read from consumed messages and HTTP requests; a batch of many
 * messages linked to each producer; {@code traceId} and {@code spanId} in the SLF4J MDC while
 * handlers run. The bridge (OpenTelemetry or Brave) is the caller's choice.
 *
 * <pre>{@code
 * ObservationRegistry observations = ObservationRegistry.create();
 * AsyncWorkerTracing.install(observations, tracer, propagator);   // from micrometer-tracing-bridge-otel
 * App app = App.builder().observations(observations).build();
 * }</pre>
 *
 * <p>Call it while configuring, before the app starts; the handlers it returns are thread-safe.
 */
public final class AsyncWorkerTracing {
    private AsyncWorkerTracing() {
    }

    /**
     * Registers {@link #tracingHandler} and then {@link #logContextHandler()} on the registry.
     *
     * @param registry   the registry the app is built with
     * @param tracer     the bridge's tracer
     * @param propagator the bridge's propagator, W3C trace context (and baggage) for interoperability
     * @return the registry
     */
    public static ObservationRegistry install(ObservationRegistry registry, Tracer tracer, Propagator propagator) {
        Objects.requireNonNull(registry, "registry").observationConfig()
                .observationHandler(tracingHandler(tracer, propagator))
                .observationHandler(logContextHandler());
        return registry;
    }

    /**
     * {@return the handler that makes the spans: batch runs with links first, then publishes and SSE
     * requests as propagating senders, single-message runs and HTTP requests as propagating
     * receivers, and every other observation (schedule runs) as a plain span}
     *
     * @param tracer     the bridge's tracer
     * @param propagator the bridge's propagator
     */
    public static ObservationHandler<Observation.Context> tracingHandler(Tracer tracer, Propagator propagator) {
        Objects.requireNonNull(tracer, "tracer");
        Objects.requireNonNull(propagator, "propagator");
        return new FirstMatchingCompositeObservationHandler(new BatchLinksTracingObservationHandler(tracer),
                new PropagatingSenderTracingObservationHandler<>(tracer, propagator),
                new PropagatingReceiverTracingObservationHandler<>(tracer, propagator),
                new DefaultTracingObservationHandler(tracer));
    }

    /**
     * {@return the handler that puts {@code traceId} and {@code spanId} of the span in scope into the SLF4J
     * MDC; register it after {@link #tracingHandler}}
     */
    public static ObservationHandler<Observation.Context> logContextHandler() {
        return new TraceLogContext();
    }
}
