package io.asyncworker.bench.rabbit;

import io.asyncworker.bench.Params;
import io.asyncworker.tracing.AsyncWorkerTracing;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.otel.bridge.OtelBaggageManager;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelPropagator;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Collection;
import java.util.List;

/**
 * The observation registry of a benchmark app: {@link ObservationRegistry#NOOP} unless
 * {@code tracing=on}, then OpenTelemetry behind Micrometer Tracing as the README wires it, with a
 * batch span processor whose exporter drops the spans (the network cost of a real exporter is not
 * the framework's).
 */
final class TracedApp {
    private TracedApp() {
    }

    static ObservationRegistry observations(Params params) {
        if (!"on".equals(params.get("tracing", "off"))) {
            return ObservationRegistry.NOOP;
        }
        ContextPropagators propagators = ContextPropagators.create(W3CTraceContextPropagator.getInstance());
        OpenTelemetrySdk sdk = OpenTelemetrySdk.builder().setPropagators(propagators).setTracerProvider(SdkTracerProvider
                .builder().addSpanProcessor(BatchSpanProcessor.builder(new Dropping()).build()).build()).build();
        var otelTracer = sdk.getTracer("asyncworker-bench");
        var current = new OtelCurrentTraceContext();
        var tracer = new OtelTracer(otelTracer, current, event -> { }, new OtelBaggageManager(current, List.of(), List.of()));
        return AsyncWorkerTracing.install(ObservationRegistry.create(), tracer, new OtelPropagator(propagators, otelTracer));
    }

    /** Takes every span and keeps none. */
    private static final class Dropping implements SpanExporter {
        @Override
        public CompletableResultCode export(Collection<SpanData> spans) {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode flush() {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
        }
    }
}
