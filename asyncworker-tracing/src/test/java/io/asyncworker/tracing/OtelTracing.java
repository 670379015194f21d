package io.asyncworker.tracing;

import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.otel.bridge.OtelBaggageManager;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelPropagator;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.api.baggage.propagation.W3CBaggagePropagator;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.List;

/**
 * OpenTelemetry behind Micrometer Tracing, as a user wires it (the README's lines), with spans
 * exported to memory: an observation registry with asyncworker's tracing handlers installed.
 */
final class OtelTracing implements AutoCloseable {
    final InMemorySpanExporter spans = InMemorySpanExporter.create();
    final ObservationRegistry observations = ObservationRegistry.create();
    final OtelTracer tracer;
    private final OpenTelemetrySdk sdk;

    OtelTracing() {
        ContextPropagators propagators = ContextPropagators.create(TextMapPropagator.composite(
                W3CTraceContextPropagator.getInstance(), W3CBaggagePropagator.getInstance()));
        sdk = OpenTelemetrySdk.builder().setPropagators(propagators)
                .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build())
                .build();
        var otelTracer = sdk.getTracer("asyncworker-test");
        var current = new OtelCurrentTraceContext();
        tracer = new OtelTracer(otelTracer, current, event -> { }, new OtelBaggageManager(current, List.of(), List.of()));
        AsyncWorkerTracing.install(observations, tracer, new OtelPropagator(propagators, otelTracer));
    }

    List<SpanData> finished() {
        return spans.getFinishedSpanItems();
    }

    SpanData named(String name) {
        return finished().stream().filter(s -> s.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no span named '" + name + "' in " + finished().stream()
                        .map(SpanData::getName).toList()));
    }

    @Override
    public void close() {
        sdk.close();
    }
}
