package io.asyncworker.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.GetResponse;
import io.asyncworker.App;
import io.asyncworker.BodyCodec;
import io.asyncworker.Route;
import io.asyncworker.http.HttpAddress;
import io.asyncworker.http.HttpRoute;
import io.asyncworker.http.Response;
import io.asyncworker.rabbitmq.AmqpConnection;
import io.asyncworker.rabbitmq.AmqpRoute;
import io.asyncworker.test.TestBrokers;
import io.micrometer.tracing.BaggageInScope;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * OpenTelemetry end to end (SPEC §16): spans, parents and links of HTTP → publish → RabbitMQ →
 * handler → publish → RabbitMQ → handler on the real broker, and the log context of the handlers.
 */
class TracingEndToEndIT {
    private static final Logger LOG = LoggerFactory.getLogger(TracingEndToEndIT.class);
    private static final String CALLER_TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String CALLER_SPAN = "00f067aa0ba902b7";
    @RegisterExtension
    final TracedApps apps = new TracedApps();
    private final OtelTracing tracing = apps.tracing;
    private final List<Map<String, String>> logContexts = new CopyOnWriteArrayList<>();
    private App app;

    private void start(AmqpConnection rabbit, Route... routes) {
        app = apps.start(rabbit, routes);
    }

    private void recordLogContext(String line) {
        logContexts.add(MDC.getCopyOfContextMap());
        LOG.warn(line); // shows the MDC fields in the test output's pattern
    }

    @Test
    void oneTraceRunsFromAnHttpRequestThroughTwoQueuesToTheLastHandler() throws Exception {
        String first = apps.queue();
        String second = apps.queue();
        AmqpConnection rabbit = apps.rabbit();
        CountDownLatch done = new CountDownLatch(1);
        start(rabbit,
                HttpRoute.post("/orders", req -> {
                    rabbit.publish("", first, "order 1");
                    return Response.status(202);
                }),
                AmqpRoute.consume(first).name("forward").handler(batch -> rabbit.publish("", second, batch.get(0).bodyAsString())),
                AmqpRoute.consume(second).name("last").handler(batch -> {
                    recordLogContext("last hop got " + batch.get(0).bodyAsString());
                    done.countDown();
                }));

        HttpResponse<String> answer = post("/orders", "00-" + CALLER_TRACE + "-" + CALLER_SPAN + "-01");
        assertThat(answer.statusCode()).isEqualTo(202);
        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        await().atMost(Duration.ofSeconds(5)).until(() -> tracing.finished().size() >= 5);

        SpanData server = tracing.named("POST /orders");
        SpanData publishFirst = tracing.named("publish " + first);
        SpanData processFirst = tracing.named("process " + first);
        SpanData publishSecond = tracing.named("publish " + second);
        SpanData processSecond = tracing.named("process " + second);
        assertThat(List.of(server, publishFirst, processFirst, publishSecond, processSecond))
                .allSatisfy(s -> assertThat(s.getTraceId()).isEqualTo(CALLER_TRACE));
        assertChild(server, CALLER_SPAN, SpanKind.SERVER);
        assertChild(publishFirst, server.getSpanId(), SpanKind.PRODUCER);
        assertChild(processFirst, publishFirst.getSpanId(), SpanKind.CONSUMER);
        assertChild(publishSecond, processFirst.getSpanId(), SpanKind.PRODUCER);
        assertChild(processSecond, publishSecond.getSpanId(), SpanKind.CONSUMER);
        assertThat(logContexts).singleElement().satisfies(mdc -> assertThat(mdc)
                .containsEntry("route", "last").containsEntry("traceId", CALLER_TRACE)
                .containsEntry("spanId", processSecond.getSpanId()).containsKey("messageId"));
    }

    @Test
    void aBatchOfManyHasASpanOfItsOwnLinkedToEachProducer() throws Exception {
        String q = apps.queue();
        AmqpConnection producer = apps.closedAfter(AmqpConnection.builder().url(TestBrokers.amqpUrl()).name("producer")
                .observations(tracing.observations).build());
        for (int i = 0; i < 3; i++) {
            producer.publish("", q, "m" + i); // each publish starts a trace of its own
        }
        List<Integer> sizes = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(1);
        start(apps.rabbit(), AmqpRoute.consume(q).name("batch").bulkSize(3).flushTimeout(Duration.ofSeconds(30)).handler(batch -> {
            sizes.add(batch.size());
            recordLogContext("batch of " + batch.size());
            done.countDown();
        }));

        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        await().atMost(Duration.ofSeconds(5)).until(() -> tracing.finished().size() >= 4);
        assertThat(sizes).containsExactly(3);
        List<SpanContext> producers = tracing.finished().stream().filter(s -> s.getName().equals("publish " + q))
                .map(SpanData::getSpanContext).toList();
        assertThat(producers).hasSize(3).extracting(SpanContext::getTraceId).doesNotHaveDuplicates();
        SpanData batchSpan = tracing.named("process " + q);
        assertThat(batchSpan.getKind()).isEqualTo(SpanKind.CONSUMER);
        assertThat(batchSpan.getParentSpanContext().isValid()).isFalse();
        assertThat(batchSpan.getLinks()).extracting(LinkData::getSpanContext)
                .extracting(SpanContext::getTraceId, SpanContext::getSpanId)
                .containsExactlyInAnyOrderElementsOf(producers.stream()
                        .map(c -> org.assertj.core.groups.Tuple.tuple(c.getTraceId(), c.getSpanId())).toList());
        assertThat(logContexts).singleElement().satisfies(mdc -> assertThat(mdc).containsEntry("route", "batch")
                .containsEntry("traceId", batchSpan.getTraceId()).doesNotContainKey("messageId"));
    }

    @Test
    void aMessageFromAnotherClientIsConsumedUnderTheTraceItsTraceparentNames() throws Exception {
        String q = apps.queue();
        String trace = "0af7651916cd43dd8448eb211c80319c";
        String producerSpan = "b7ad6b7169203331";
        apps.channel().basicPublish("", q, new AMQP.BasicProperties.Builder().messageId("foreign-1")
                .headers(Map.of("traceparent", "00-" + trace + "-" + producerSpan + "-01")).build(),
                "from elsewhere".getBytes(StandardCharsets.UTF_8));
        CountDownLatch done = new CountDownLatch(1);
        start(apps.rabbit(), AmqpRoute.consume(q).name("foreign").handler(batch -> {
            recordLogContext("foreign message " + batch.get(0).bodyAsString());
            done.countDown();
        }));

        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        await().atMost(Duration.ofSeconds(5)).until(() -> !tracing.finished().isEmpty());
        SpanData process = tracing.named("process " + q);
        assertThat(process.getTraceId()).isEqualTo(trace);
        assertChild(process, producerSpan, SpanKind.CONSUMER);
        assertThat(logContexts).singleElement().satisfies(mdc -> assertThat(mdc).containsEntry("traceId", trace)
                .containsEntry("spanId", process.getSpanId()).containsEntry("messageId", "id foreign-1"));
    }

    @Test
    void tracestateAndBaggageOfThePublisherTravelInTheHeadersAndReachTheHandler() throws Exception {
        String q = apps.queue();
        publishUnderACallerWithTracestateAndBaggage(q);
        GetResponse raw = await().atMost(Duration.ofSeconds(5)).until(() -> apps.channel().basicGet(q, false),
                Objects::nonNull);
        assertThat(raw.getProps().getHeaders()).hasEntrySatisfying("tracestate", v -> assertThat(v).hasToString("vendor=v1"))
                .hasEntrySatisfying("baggage", v -> assertThat(v.toString()).contains("tenant=acme"))
                .hasEntrySatisfying("traceparent", v -> assertThat(v.toString()).startsWith("00-" + CALLER_TRACE + "-"));
        apps.channel().basicReject(raw.getEnvelope().getDeliveryTag(), true);       // back for the worker

        List<String> seen = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(1);
        start(apps.rabbit(), AmqpRoute.consume(q).name("tenant").handler(batch -> {
            seen.add(String.valueOf(tracing.tracer.getBaggage("tenant").get()));
            done.countDown();
        }));
        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(seen).as("baggage in the handler").containsExactly("acme");
        await().atMost(Duration.ofSeconds(5)).until(() -> tracing.finished().size() >= 2);
        SpanData process = tracing.named("process " + q);
        assertThat(process.getTraceId()).isEqualTo(CALLER_TRACE);
        assertThat(process.getSpanContext().getTraceState().get("vendor")).as("tracestate kept").isEqualTo("v1");
    }

    @Test
    void anHttpHandlerSeesItsRouteAndTraceInTheMdcAndItsThreadHasThemNoMoreOnceItReturned() throws Exception {
        List<Long> threads = new CopyOnWriteArrayList<>();
        List<Map<String, String>> afterwards = new CopyOnWriteArrayList<>();
        BodyCodec recordingAfterTheHandler = new MdcRecordingCodec(threads, afterwards);
        start(apps.rabbit(), HttpRoute.get("/who", req -> {
            threads.add(Thread.currentThread().threadId());
            recordLogContext("GET /who");
            return Response.json("ok");
        }).withCodec(recordingAfterTheHandler));

        HttpResponse<String> answer = send(HttpRequest.newBuilder(uri("/who"))
                .header("traceparent", "00-" + CALLER_TRACE + "-" + CALLER_SPAN + "-01").GET());
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(logContexts).singleElement().satisfies(mdc -> assertThat(mdc).containsEntry("route", "GET /who")
                .containsEntry("traceId", CALLER_TRACE).containsKey("spanId"));
        assertThat(threads).as("handler, then encoding, on one thread").hasSize(2).containsOnly(threads.getFirst());
        assertThat(afterwards).singleElement().satisfies(mdc -> assertThat(mdc)
                .doesNotContainKeys("route", "traceId", "spanId"));
    }

    /** Encodes with toString, recording its thread and MDC: it runs on the handler's thread once the handler returned. */
    private record MdcRecordingCodec(List<Long> threads, List<Map<String, String>> contexts) implements BodyCodec {
        @Override
        public <T> T decode(byte[] body, Class<T> type) {
            throw new UnsupportedOperationException("the test only encodes");
        }

        @Override
        public byte[] encode(Object value) {
            threads.add(Thread.currentThread().threadId());
            contexts.add(Objects.requireNonNullElse(MDC.getCopyOfContextMap(), Map.of()));
            return value.toString().getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public String contentType() {
            return "text/plain";
        }
    }

    /** Publishes on a traced connection of its own under a remote caller span with tracestate and baggage in scope. */
    private void publishUnderACallerWithTracestateAndBaggage(String q) {
        AmqpConnection producer = apps.closedAfter(AmqpConnection.builder().url(TestBrokers.amqpUrl()).name("producer")
                .observations(tracing.observations).build());
        SpanContext caller = SpanContext.createFromRemoteParent(CALLER_TRACE, CALLER_SPAN, TraceFlags.getSampled(),
                TraceState.builder().put("vendor", "v1").build());
        try (Scope remote = Context.root().with(Span.wrap(caller)).makeCurrent();
             BaggageInScope tenant = tracing.tracer.createBaggageInScope("tenant", "acme")) {
            producer.publish("", q, "with baggage");
        }
    }

    private static void assertChild(SpanData span, String parentSpanId, SpanKind kind) {
        assertThat(span.getParentSpanId()).as("parent of " + span.getName()).isEqualTo(parentSpanId);
        assertThat(span.getKind()).as("kind of " + span.getName()).isEqualTo(kind);
    }

    private HttpResponse<String> post(String path, String traceparent) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).header("traceparent", traceparent)
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
    }

    private URI uri(String path) {
        return HttpAddress.of(app).orElseThrow().uri().resolve(path);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
