package io.asyncworker.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.asyncworker.rabbitmq.AmqpConnection;
import io.asyncworker.scheduler.Schedule;
import io.asyncworker.sse.SseRoute;
import io.asyncworker.tracing.internal.TraceParent;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Trace context sent with SSE stream requests, and schedule runs as the parents of what they publish. */
class TracingSseAndScheduleIT {
    @RegisterExtension
    final TracedApps apps = new TracedApps();

    @Test
    void aStreamRequestCarriesTheTraceparentOfItsClientSpan() throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/events", exchange -> {
            received.add(String.valueOf(exchange.getRequestHeaders().getFirst("traceparent")));
            exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write("id: 1\ndata: tick\n\n".getBytes(StandardCharsets.UTF_8));
            }
        });
        server.start();
        CountDownLatch handled = new CountDownLatch(1);
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/events";
            apps.start(apps.rabbit(), SseRoute.consume(url).name("ticks").handler(events -> handled.countDown()));
            assertThat(handled.await(10, TimeUnit.SECONDS)).isTrue();
            await().atMost(Duration.ofSeconds(5)).until(() -> apps.tracing.finished().stream()
                    .anyMatch(s -> s.getName().equals("GET ticks")));
        } finally {
            server.stop(0);
        }
        SpanData connect = apps.tracing.named("GET ticks");
        assertThat(connect.getKind()).isEqualTo(SpanKind.CLIENT);
        assertThat(received).first().satisfies(header -> assertThat(TraceParent.parse(header))
                .contains(new TraceParent(connect.getTraceId(), connect.getSpanId(), true)));
    }

    @Test
    void whatAScheduleRunPublishesIsAChildOfTheRunsSpan() throws Exception {
        String q = apps.queue();
        AmqpConnection rabbit = apps.rabbit();
        CountDownLatch ran = new CountDownLatch(1);
        apps.start(rabbit, Schedule.every(Duration.ofHours(1)).name("nightly").runOnStartup(true).handler(ctx -> {
            rabbit.publish("", q, "report");
            ran.countDown();
        }));
        assertThat(ran.await(10, TimeUnit.SECONDS)).isTrue();
        await().atMost(Duration.ofSeconds(5)).until(() -> apps.tracing.finished().size() >= 2);
        SpanData run = apps.tracing.named("schedule nightly");
        SpanData publish = apps.tracing.named("publish " + q);
        assertThat(run.getParentSpanContext().isValid()).isFalse();
        assertThat(publish.getTraceId()).isEqualTo(run.getTraceId());
        assertThat(publish.getParentSpanId()).isEqualTo(run.getSpanId());
        assertThat(publish.getKind()).isEqualTo(SpanKind.PRODUCER);
    }
}
