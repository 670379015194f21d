package io.asyncworker.tracing;

import io.asyncworker.observation.BatchReceiverContext;
import io.asyncworker.tracing.internal.TraceParent;
import io.micrometer.observation.Observation;
import io.micrometer.tracing.Link;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.handler.TracingObservationHandler;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Gives a batch handler run ({@link BatchReceiverContext}) a {@link Span.Kind#CONSUMER} span of its
 * own with one {@link Link} to each message's producer span, read from the message's W3C
 * {@code traceparent} header. A batch has several parents, so the span starts a trace of its own
 * (or continues the observation's parent, if it has one) and the links lead to the producers, as
 * OpenTelemetry's messaging conventions ask for batch receivers. Messages without a valid
 * {@code traceparent} get no link.
 *
 * <p>Put it first in a {@code FirstMatchingCompositeObservationHandler}, before the default
 * tracing handler ({@link AsyncWorkerTracing#install} does). Tracers cap the links of a span
 * (OpenTelemetry: 128 by default, {@code SpanLimits}), so the handler links the first
 * {@value #DEFAULT_MAX_LINKS} messages of a batch unless told otherwise, and reads no header of the
 * rest.
 *
 * <p>Thread-safe; called by the observation registry on the handler's thread.
 */
public final class BatchLinksTracingObservationHandler implements TracingObservationHandler<BatchReceiverContext> {
    /** OpenTelemetry's default limit of links per span ({@code SpanLimits}). */
    public static final int DEFAULT_MAX_LINKS = 128;
    private final Tracer tracer;
    private final int maxLinks;

    /**
     * A handler making spans with the given tracer, with at most {@value #DEFAULT_MAX_LINKS} links
     * per span: the tracer would drop the others anyway.
     *
     * @param tracer the tracer of the bridge in use
     */
    public BatchLinksTracingObservationHandler(Tracer tracer) {
        this(tracer, DEFAULT_MAX_LINKS);
    }

    /**
     * A handler making spans with the given tracer, linking at most the first {@code maxLinks}
     * messages of a batch (match the tracer's own limit, e.g. OpenTelemetry's
     * {@code SpanLimits.maxNumberOfLinks}); the headers of the messages after those are not read.
     *
     * @param tracer   the tracer of the bridge in use
     * @param maxLinks at least 0
     * @throws IllegalArgumentException when {@code maxLinks} is negative
     */
    public BatchLinksTracingObservationHandler(Tracer tracer, int maxLinks) {
        this.tracer = Objects.requireNonNull(tracer, "tracer");
        if (maxLinks < 0) {
            throw new IllegalArgumentException("maxLinks must be at least 0, got " + maxLinks);
        }
        this.maxLinks = maxLinks;
    }

    @Override
    public boolean supportsContext(Observation.Context context) {
        return context instanceof BatchReceiverContext;
    }

    @Override
    public void onStart(BatchReceiverContext context) {
        Span parent = getParentSpan(context);
        Span.Builder builder = tracer.spanBuilder().kind(Span.Kind.CONSUMER);
        builder = parent != null ? builder.setParent(parent.context()) : builder.setNoParent();
        List<Map<String, Object>> carriers = context.carriers();
        for (int i = 0; i < Math.min(maxLinks, carriers.size()); i++) {
            Optional<TraceParent> producer = TraceParent.parse(context.getter().get(carriers.get(i), "traceparent"));
            if (producer.isPresent()) {
                builder = builder.addLink(new Link(traceContext(producer.get())));
            }
        }
        getTracingContext(context).setSpan(builder.start());
    }

    private TraceContext traceContext(TraceParent p) {
        return tracer.traceContextBuilder().traceId(p.traceId()).spanId(p.spanId()).sampled(p.sampled()).build();
    }

    @Override
    public void onStop(BatchReceiverContext context) {
        Span span = getRequiredSpan(context);
        tagSpan(context, span);
        span.name(context.getContextualName() != null ? context.getContextualName() : context.getName());
        endSpan(context, span);
    }

    /** {@return the tracer spans are made with} */
    @Override
    public Tracer getTracer() {
        return tracer;
    }
}
