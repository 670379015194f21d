package io.asyncworker.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.asyncworker.observation.BatchReceiverContext;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.AbstractList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BatchLinksTracingObservationHandlerTest {
    private final OtelTracing tracing = new OtelTracing();

    @AfterEach
    void close() {
        tracing.close();
    }

    private static String traceparent(int i) {
        return String.format("00-%032x-%016x-01", i + 1, i + 1);
    }

    /** Five messages' headers; reading any after the second fails the test. */
    private static List<Map<String, Object>> fiveCarriersReadableUpToTwo() {
        return new AbstractList<>() {
            @Override
            public Map<String, Object> get(int index) {
                if (index >= 2) {
                    throw new AssertionError("read the headers of message " + index + " beyond the link limit");
                }
                return Map.of("traceparent", traceparent(index));
            }

            @Override
            public int size() {
                return 5;
            }
        };
    }

    @Test
    void linksTheFirstMessagesUpToTheLimitAndReadsNoOtherHeaders() {
        ObservationRegistry registry = ObservationRegistry.create();
        registry.observationConfig().observationHandler(new BatchLinksTracingObservationHandler(tracing.tracer, 2));
        Observation.createNotStarted("asyncworker.batch.process",
                () -> new BatchReceiverContext("orders", "q", fiveCarriersReadableUpToTwo()), registry)
                .contextualName("process q").start().stop();

        SpanData span = tracing.named("process q");
        assertThat(span.getKind()).isEqualTo(SpanKind.CONSUMER);
        assertThat(span.getLinks()).extracting(LinkData::getSpanContext).extracting(SpanContext::getSpanId)
                .containsExactly(String.format("%016x", 1), String.format("%016x", 2));
    }

    @Test
    void messagesWithoutAValidTraceparentGetNoLink() {
        ObservationRegistry registry = ObservationRegistry.create();
        registry.observationConfig().observationHandler(new BatchLinksTracingObservationHandler(tracing.tracer));
        Observation.createNotStarted("asyncworker.batch.process", () -> new BatchReceiverContext("orders", "q",
                List.of(Map.of(), Map.of("traceparent", "garbage"), Map.of("traceparent", traceparent(7)))), registry)
                .contextualName("process q").start().stop();

        assertThat(tracing.named("process q").getLinks()).singleElement()
                .satisfies(l -> assertThat(l.getSpanContext().getSpanId()).isEqualTo(String.format("%016x", 8)));
    }

    @Test
    void aNegativeLimitIsRejected() {
        assertThatThrownBy(() -> new BatchLinksTracingObservationHandler(tracing.tracer, -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxLinks");
    }
}
