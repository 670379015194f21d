package io.asyncworker.sse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.asyncworker.App;
import io.asyncworker.Settings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The SSE client against a hostile server on a raw socket: what it sends must not hurt the worker. */
class SseHostileServerIT {
    private static final int MIB = 1024 * 1024;
    private final List<AutoCloseable> closing = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : closing.reversed()) {
            c.close();
        }
    }

    private RawSseServer server(RawSseServer.Script script) throws IOException {
        RawSseServer server = new RawSseServer(script);
        closing.add(server);
        return server;
    }

    private App start(Settings settings, SseRoute route) {
        App app = App.create(settings);
        app.meters().add(new SimpleMeterRegistry());
        app.connection(SseConnection.builder().backoff(Duration.ofMillis(20), Duration.ofMillis(200)).build()).route(route);
        closing.add(app);
        app.start();
        return app;
    }

    @Test
    void anEndlessLineDropsTheConnectionWhichReopensFromTheLastFinishedEvent() throws Exception {
        AtomicLong writtenWhenDropped = new AtomicLong(-1);
        RawSseServer server = server((n, request, socket) -> {
            OutputStream out = socket.getOutputStream();
            out.write(RawSseServer.STREAM_HEAD);
            if (n == 1) {
                RawSseServer.write(out, "id: 1\ndata: a\n\nid: 2\ndata: b\n\ndata: ");
                writtenWhenDropped.set(writeEndlessLine(out, 256L * MIB));
            } else {
                RawSseServer.holdOpen(socket);
            }
        });
        List<String> handled = new CopyOnWriteArrayList<>();
        App app = start(Settings.from(Map.of(SseSettings.MAX_EVENT_SIZE.name(), "64KiB")),
                SseRoute.consume(server.url("/endless")).handler(batch -> batch.forEach(m -> handled.add(m.data()))));

        await().atMost(Duration.ofSeconds(30)).until(() -> server.requests.size() >= 2);
        assertThat(writtenWhenDropped.get()).as("bytes of the line written before the client hung up")
                .isBetween(0L, 32L * MIB);
        assertThat(server.requests.get(1).header("Last-Event-ID")).hasValueSatisfying(
                id -> assertThat(new String(id, StandardCharsets.UTF_8)).isEqualTo("2"));
        assertThat(handled).containsExactly("a", "b");
        assertThat(app.meters().get("asyncworker.messages.invalid").tag("reason", "oversized").counter().count())
                .isEqualTo(1.0);
        await().atMost(Duration.ofSeconds(10)).until(() -> app.health().isUp());
    }

    @Test
    void sendsLastEventIdAsTheUtf8BytesOfTheIdExactlyAsReceived() throws Exception {
        RawSseServer server = server((n, request, socket) -> {
            socket.getOutputStream().write(RawSseServer.STREAM_HEAD);
            if (n == 1) {
                RawSseServer.write(socket.getOutputStream(), "id: 豆腐-1\ndata: tofu\n\n");   // then close
            } else {
                RawSseServer.holdOpen(socket);
            }
        });
        List<String> handled = new CopyOnWriteArrayList<>();
        start(Settings.from(Map.of()), SseRoute.consume(server.url("/utf8")).lastEventId("café-1")
                .handler(batch -> batch.forEach(m -> handled.add(m.id().orElseThrow()))));

        await().atMost(Duration.ofSeconds(10)).until(() -> server.requests.size() >= 2);
        assertThat(server.requests.get(0).header("Last-Event-ID"))
                .hasValueSatisfying(raw -> assertThat(raw).isEqualTo("café-1".getBytes(StandardCharsets.UTF_8)));
        assertThat(server.requests.get(1).header("Last-Event-ID"))
                .hasValueSatisfying(raw -> assertThat(raw).isEqualTo("豆腐-1".getBytes(StandardCharsets.UTF_8)));
        assertThat(handled).containsExactly("豆腐-1");
    }

    @Test
    void anIdWithAControlCharacterDoesNotKeepTheStreamFromReconnecting() throws Exception {
        RawSseServer server = server((n, request, socket) -> {
            socket.getOutputStream().write(RawSseServer.STREAM_HEAD);
            RawSseServer.write(socket.getOutputStream(), "id: a\u0001b\ndata: " + n + "\n\n");
            if (n > 1) {
                RawSseServer.holdOpen(socket);
            }
        });
        List<String> handled = new CopyOnWriteArrayList<>();
        App app = start(Settings.from(Map.of()), SseRoute.consume(server.url("/control"))
                .handler(batch -> batch.forEach(m -> handled.add(m.data()))));

        await().atMost(Duration.ofSeconds(10)).until(() -> handled.size() == 2);
        assertThat(handled).containsExactly("1", "2");
        assertThat(server.requests.get(1).header("Last-Event-ID")).isEmpty();
        await().atMost(Duration.ofSeconds(10)).until(() -> app.health().isUp());
    }

    /** Writes line content until the client hangs up or {@code limit} bytes went out; returns how many did. */
    private static long writeEndlessLine(OutputStream out, long limit) {
        byte[] chunk = new byte[64 * 1024];
        Arrays.fill(chunk, (byte) 'x');
        long written = 0;
        try {
            while (written < limit) {
                out.write(chunk);
                written += chunk.length;
            }
            return -1; // never dropped
        } catch (IOException hungUp) {
            return written;
        }
    }
}
