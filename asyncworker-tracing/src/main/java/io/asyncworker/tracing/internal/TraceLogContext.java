package io.asyncworker.tracing.internal;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.handler.TracingObservationHandler.TracingContext;
import java.util.ArrayDeque;
import org.slf4j.MDC;

/**
 * Puts the trace and span ids of an observation's span into the SLF4J MDC ({@code traceId},
 * {@code spanId}) while its scope is open on a thread, and puts back what was there when it
 * closes, so nested scopes (a publish inside a handler run) restore their parent's ids. Reads the
 * span a tracing handler stored at start; register it after that handler.
 *
 * <p>Thread-safe: what it puts back is kept per thread, and a scope opens and closes on one thread.
 */
public final class TraceLogContext implements ObservationHandler<Observation.Context> {
    /** MDC key of the trace id. */
    public static final String TRACE_ID = "traceId";
    /** MDC key of the span id. */
    public static final String SPAN_ID = "spanId";
    private static final ThreadLocal<ArrayDeque<String[]>> SAVED = ThreadLocal.withInitial(ArrayDeque::new);

    @Override
    public boolean supportsContext(Observation.Context context) {
        return true;
    }

    @Override
    public void onScopeOpened(Observation.Context context) {
        TracingContext tracing = context.get(TracingContext.class);
        Span span = tracing == null ? null : tracing.getSpan();
        if (span == null) {
            return;
        }
        SAVED.get().push(new String[] {MDC.get(TRACE_ID), MDC.get(SPAN_ID)});
        MDC.put(TRACE_ID, span.context().traceId());
        MDC.put(SPAN_ID, span.context().spanId());
    }

    @Override
    public void onScopeClosed(Observation.Context context) {
        TracingContext tracing = context.get(TracingContext.class);
        if (tracing == null || tracing.getSpan() == null) {
            return;
        }
        String[] before = SAVED.get().poll();
        if (before != null) {
            restore(TRACE_ID, before[0]);
            restore(SPAN_ID, before[1]);
        }
    }

    private static void restore(String key, String value) {
        if (value == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, value);
        }
    }
}
