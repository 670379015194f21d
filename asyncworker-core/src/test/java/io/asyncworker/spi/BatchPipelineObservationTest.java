package io.asyncworker.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.asyncworker.BatchHandler;
import io.asyncworker.BatchOptions;
import io.asyncworker.Settings;
import io.asyncworker.observation.AsyncWorkerObservations;
import io.asyncworker.observation.BatchReceiverContext;
import io.asyncworker.observation.MessageReceiverContext;
import io.micrometer.common.KeyValue;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class BatchPipelineObservationTest {
    private static final String TRACEPARENT = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
    private final ManualTimerService timer = new ManualTimerService();
    private final List<Observation.Context> stopped = new CopyOnWriteArrayList<>();
    private final List<String> scopeThreads = new CopyOnWriteArrayList<>();
    private final List<Map<String, String>> logContexts = new CopyOnWriteArrayList<>();
    private final AtomicInteger settled = new AtomicInteger();

    /** A message with headers and an id. */
    record Msg(int n, Map<String, Object> headers, String source) implements Inbound {
        @Override public byte[] payload() { return Integer.toString(n).getBytes(StandardCharsets.UTF_8); }
        @Override public long deliveryCount() { return 1; }
        @Override public boolean isCurrent() { return true; }
        @Override public Optional<String> id() { return Optional.of("id " + n); }
    }

    static final class Handed extends PipelineMessage {
        Handed(Msg m, MessageControl control) {
            super(m, control);
        }
    }

    private ObservationRegistry recording() {
        ObservationRegistry registry = ObservationRegistry.create();
        registry.observationConfig().observationHandler(new ObservationHandler<>() {
            @Override
            public boolean supportsContext(Observation.Context context) {
                return true;
            }

            @Override
            public void onScopeOpened(Observation.Context context) {
                scopeThreads.add(Thread.currentThread().isVirtual() + " " + Thread.currentThread().getName());
            }

            @Override
            public void onStop(Observation.Context context) {
                stopped.add(context);
            }
        });
        return registry;
    }

    private BatchPipeline<Msg, Handed> pipeline(int bulk, ObservationRegistry registry, BatchHandler<Handed> handler) {
        return BatchPipeline.<Msg, Handed>builder("orders").options(BatchOptions.builder().bulkSize(bulk).build())
                .settings(Settings.from(Map.of())).timer(timer).meters(new SimpleMeterRegistry())
                .messages(Handed::new).handler(io.asyncworker.AsyncBatchHandler.of(handler)).observations(registry)
                .sink((batch, verdicts) -> settled.addAndGet(batch.size())).build();
    }

    private BatchHandler<Handed> recordingLogContext() {
        return batch -> logContexts.add(MDC.getCopyOfContextMap());
    }

    @Test
    void aBatchOfOneIsObservedAsAReceiverOfItsMessageHeadersOnTheHandlerThread() {
        var p = pipeline(1, recording(), recordingLogContext());
        p.add(new Msg(1, Map.of("traceparent", TRACEPARENT), "q1"));
        await().until(() -> settled.get() == 1);

        assertThat(stopped).singleElement().isInstanceOfSatisfying(MessageReceiverContext.class, c -> {
            assertThat(c.getName()).isEqualTo(AsyncWorkerObservations.BATCH);
            assertThat(c.getContextualName()).isEqualTo("process q1");
            assertThat(c.getGetter().get(c.getCarrier(), "traceparent")).isEqualTo(TRACEPARENT);
            assertThat(c.getLowCardinalityKeyValues()).contains(KeyValue.of("route", "orders"), KeyValue.of("queue", "q1"),
                    KeyValue.of("result", "success"));
            assertThat(c.getHighCardinalityKeyValues()).contains(KeyValue.of("message.id", "id 1"));
            assertThat(c.messageId()).contains("id 1");
        });
        assertThat(scopeThreads).singleElement().asString().startsWith("true aw-orders");
        assertThat(logContexts).singleElement().isEqualTo(Map.of("route", "orders", "messageId", "id 1"));
    }

    @Test
    void aBatchOfManyCarriesEveryMessagesHeadersAndNoMessageId() {
        var p = pipeline(3, recording(), recordingLogContext());
        p.add(new Msg(1, Map.of("traceparent", TRACEPARENT), "q1"));
        p.add(new Msg(2, Map.of(), "q1"));
        p.add(new Msg(3, Map.of("traceparent", TRACEPARENT), "q2"));
        await().until(() -> settled.get() == 3);

        assertThat(stopped).singleElement().isInstanceOfSatisfying(BatchReceiverContext.class, c -> {
            assertThat(c.carriers()).hasSize(3);
            assertThat(c.getter().get(c.carriers().get(2), "traceparent")).isEqualTo(TRACEPARENT);
            assertThat(c.getter().get(c.carriers().get(1), "traceparent")).isNull();
            assertThat(c.source()).isEqualTo("several");
            assertThat(c.getHighCardinalityKeyValues()).contains(KeyValue.of("batch.size", "3"));
        });
        assertThat(logContexts).singleElement().isEqualTo(Map.of("route", "orders"));
    }

    @Test
    void aFailingHandlerIsAnObservationError() {
        var p = pipeline(1, recording(), batch -> {
            throw new IllegalStateException("boom");
        });
        p.add(new Msg(1, Map.of(), "q1"));
        await().until(() -> settled.get() == 1);
        assertThat(stopped).singleElement().satisfies(c -> {
            assertThat(c.getError()).hasMessage("boom");
            assertThat(c.getLowCardinalityKeyValues()).contains(KeyValue.of("result", "error"));
        });
    }

    @Test
    void withoutAnObservationRegistryTheLogContextIsStillSetAndClearedAfter() {
        List<Map<String, String>> after = new CopyOnWriteArrayList<>();
        var p = BatchPipeline.<Msg, Handed>builder("orders").settings(Settings.from(Map.of())).timer(timer)
                .meters(new SimpleMeterRegistry()).messages(Handed::new)
                .handler(io.asyncworker.AsyncBatchHandler.of(recordingLogContext()))
                .sink((batch, verdicts) -> {
                    Map<String, String> left = MDC.getCopyOfContextMap();
                    after.add(left == null ? Map.of() : left);
                    settled.addAndGet(batch.size());
                }).build();
        p.add(new Msg(7, Map.of(), "q1"));
        await().until(() -> settled.get() == 1);
        assertThat(logContexts).singleElement().isEqualTo(Map.of("route", "orders", "messageId", "id 7"));
        assertThat(after).singleElement().isEqualTo(Map.of());
    }
}
