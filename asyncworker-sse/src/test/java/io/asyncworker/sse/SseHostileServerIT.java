package io.asyncworker.sse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import io.asyncworker.App;
import io.asyncworker.Settings;
import io.asyncworker.spi.ManualTimerService;
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
        App app;
        List<String> warnings;
        try (StreamLog log = new StreamLog()) {
            app = start(Settings.from(Map.of(SseSettings.MAX_EVENT_SIZE.name(), "64KiB")),
                    SseRoute.consume(server.url("/endless")).handler(batch -> batch.forEach(m -> handled.add(m.data()))));
            await().atMost(Duration.ofSeconds(30)).until(() -> server.requests.size() >= 2);
            warnings = log.at(Level.WARN);
        }
        assertThat(warnings).as("the drop, in one line").singleElement().asString()
                .contains("stream " + server.url("/endless") + ": the server sent a line longer than 65536 bytes"
                        + " (maxEventSize), so the connection was dropped; it reopens from the last finished event;"
                        + " reconnecting in ");
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

    @Test
    void aServerThatClosesAtOnceWithRetryZeroMeetsGrowingDelaysAndFewWarnings() throws Exception {
        RawSseServer server = server((n, request, socket) -> {
            socket.getOutputStream().write(RawSseServer.STREAM_HEAD);
            RawSseServer.write(socket.getOutputStream(), "retry: 0\nid: " + n + "\ndata: x\n\n");   // and close
        });
        ManualTimerService timer = new ManualTimerService();
        List<Duration> delays = new ArrayList<>();
        List<String> warnings;
        try (StreamLog log = new StreamLog()) {
            App app = App.builder().settings(Settings.from(Map.of())).timer(timer).build();
            closing.add(app);
            app.route(SseRoute.consume(server.url("/retry0")).handler(batch -> { }));   // backoff 1 s .. 30 s
            app.start();

            Duration elapsed = Duration.ZERO;
            while (elapsed.compareTo(Duration.ofMinutes(2)) < 0 && delays.size() < 40) {
                int connections = delays.size() + 1;
                await().atMost(Duration.ofSeconds(10)).until(() -> server.connections() == connections
                        && reconnectDelay(timer) != null);
                Duration delay = reconnectDelay(timer);
                delays.add(delay);
                timer.advance(delay);
                elapsed = elapsed.plus(delay);
            }
            warnings = log.at(Level.WARN);
        }
        assertThat(delays).as("reconnects in two minutes").hasSizeLessThanOrEqualTo(10);
        assertThat(delays.get(0)).as("retry: 0 is honoured once").isLessThanOrEqualTo(Duration.ofMillis(1));
        for (int i = 1; i < delays.size(); i++) {
            assertThat(delays.get(i)).as("delay %d of %s", i, delays)
                    .isGreaterThanOrEqualTo(min(delays.get(i - 1).multipliedBy(3).dividedBy(2), Duration.ofSeconds(24)));
        }
        assertThat(warnings).as("one per 10 s of stream time").hasSizeBetween(2, delays.size() - 2);
        assertThat(warnings).anyMatch(w -> w.contains("more losses of this stream since the last warning"));
    }

    @Test
    void anEmptyLocationRedirectsToTheSameUrl() throws Exception {
        RawSseServer server = server((n, request, socket) -> {
            if (n == 1) {
                RawSseServer.write(socket.getOutputStream(), "HTTP/1.1 307 Temporary Redirect\r\nLocation: \r\n"
                        + "Content-Length: 0\r\nConnection: close\r\n\r\n");
            } else {
                socket.getOutputStream().write(RawSseServer.STREAM_HEAD);
                RawSseServer.write(socket.getOutputStream(), "id: 1\ndata: here\n\n");
                RawSseServer.holdOpen(socket);
            }
        });
        List<String> handled = new CopyOnWriteArrayList<>();
        start(Settings.from(Map.of()), SseRoute.consume(server.url("/feed/stream?x=1"))
                .handler(batch -> batch.forEach(m -> handled.add(m.data()))));

        await().atMost(Duration.ofSeconds(10)).until(() -> handled.size() == 1);
        assertThat(server.requests).extracting(RawSseServer.Request::requestLine)
                .containsExactly("GET /feed/stream?x=1 HTTP/1.1", "GET /feed/stream?x=1 HTTP/1.1");
    }

    /** The pending reconnect delay, if one is the only timer (the read-idle watchdog is 5 minutes). */
    private static Duration reconnectDelay(ManualTimerService timer) {
        List<Duration> pending = timer.pendingDelays();
        return pending.size() == 1 && pending.get(0).compareTo(Duration.ofSeconds(30)) <= 0 ? pending.get(0) : null;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
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
