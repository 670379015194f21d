package io.asyncworker.sse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.asyncworker.App;
import io.asyncworker.Settings;
import io.asyncworker.spi.ManualTimerService;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * What okhttp-eventsource's contract tests ask of an SSE client beyond events: a listener for
 * stream state and errors, comments, other request methods with a body, and restarting a stream.
 */
class SseListenerIT {
    @AutoClose
    private static final SseTestServer server = SseTestServer.started();
    private final List<App> apps = new ArrayList<>();
    private final ManualTimerService timer = new ManualTimerService();
    private final Recording listener = new Recording();

    @AfterEach
    void stopApps() {
        apps.forEach(App::close);
    }

    /** Records every listener call as text, checks it never runs on an event loop or overlaps. */
    static final class Recording implements SseListener {
        final List<String> calls = new CopyOnWriteArrayList<>();
        final List<String> wrongThreads = new CopyOnWriteArrayList<>();
        final AtomicReference<SseStreamControl> control = new AtomicReference<>();
        final AtomicInteger running = new AtomicInteger();
        final AtomicInteger mostAtOnce = new AtomicInteger();
        volatile CountDownLatch blockFirstError = new CountDownLatch(0);

        private void record(SseStreamControl stream, String call) throws InterruptedException {
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                control.set(stream);
                Thread t = Thread.currentThread();
                if (!t.isVirtual() || t.getName().contains("eventloop")) {
                    wrongThreads.add(t.getName());
                }
                calls.add(call);
                if (call.startsWith("error")) {
                    blockFirstError.await(10, TimeUnit.SECONDS);
                }
            } finally {
                running.decrementAndGet();
            }
        }

        @Override
        public void onOpen(SseStreamControl stream) throws Exception {
            record(stream, "open");
        }

        @Override
        public void onClosed(SseStreamControl stream, String reason) throws Exception {
            record(stream, "closed: " + reason);
        }

        @Override
        public void onError(SseStreamControl stream, String reason) throws Exception {
            record(stream, "error: " + reason);
        }

        @Override
        public void onComment(SseStreamControl stream, String comment) throws Exception {
            record(stream, "comment: " + comment);
        }
    }

    private App start(SseRoute route) {
        App app = App.builder().settings(Settings.from(Map.of())).timer(timer).build();
        app.meters().add(new SimpleMeterRegistry());
        app.route(route);
        apps.add(app);
        app.start();
        return app;
    }

    private static SseRoute.Builder consume(String path) {
        return SseRoute.consume(server.url(path));
    }

    @Test
    void theListenerHearsErrorsOpenAndCloseOneAtATimeOffTheEventLoop() {
        AtomicInteger calls = new AtomicInteger();
        server.on("/states", req -> {
            switch (calls.incrementAndGet()) {
                case 1 -> req.response().setStatusCode(503).end();
                case 2 -> SseTestServer.open(req).end(SseTestServer.event("1", "one"));
                default -> SseTestServer.open(req).write(SseTestServer.event("2", "two"));
            }
        });
        listener.blockFirstError = new CountDownLatch(1);
        List<String> handled = new CopyOnWriteArrayList<>();
        start(consume("/states").listener(listener).handler(batch -> batch.forEach(m -> handled.add(m.data()))));

        await().atMost(Duration.ofSeconds(10)).until(() -> listener.calls.size() == 1);
        advanceUntil(() -> server.requests("/states").size() == 2);
        await().atMost(Duration.ofSeconds(10)).until(() -> handled.contains("one"));
        assertThat(listener.calls).as("later calls wait for the blocked one").hasSize(1);
        listener.blockFirstError.countDown();
        advanceUntil(() -> server.requests("/states").size() == 3);

        await().atMost(Duration.ofSeconds(10)).until(() -> listener.calls.size() == 4);
        assertThat(listener.calls).containsExactly("error: HTTP 503 Service Unavailable from " + server.url("/states"),
                "open", "closed: the server closed the stream", "open");
        assertThat(listener.wrongThreads).isEmpty();
        assertThat(listener.mostAtOnce.get()).isEqualTo(1);
        assertThat(listener.control.get().url()).isEqualTo(server.url("/states"));
        assertThat(listener.control.get().lastEventId()).hasValueSatisfying(id -> assertThat(id).isIn("1", "2"));
    }

    @Test
    void commentsGoToTheListenerOnlyWhenAskedFor() {
        server.on("/comments", req -> SseTestServer.open(req).write(":Hello\n: world\n:\ndata: x\n\n:after\n"));
        Recording silent = new Recording();
        start(consume("/comments").comments(true).listener(listener).handler(batch -> { }));
        start(consume("/comments").name("no comments").listener(silent).handler(batch -> { }));

        await().atMost(Duration.ofSeconds(10)).until(() -> listener.calls.size() == 5 && silent.calls.size() == 1);
        assertThat(listener.calls).containsExactly("open", "comment: Hello", "comment: world", "comment: ",
                "comment: after");
        assertThat(silent.calls).containsExactly("open");
    }

    @Test
    void postsItsBodyWithItsContentTypeAndResumesWithIt() {
        List<String> bodies = new CopyOnWriteArrayList<>();
        server.on("/query", req -> req.body().onSuccess(b -> {
            bodies.add(b.toString(StandardCharsets.UTF_8));
            SseTestServer.open(req).end(SseTestServer.event(String.valueOf(bodies.size()), "r"));
        }));
        byte[] query = "{\"topic\":\"prices\"}".getBytes(StandardCharsets.UTF_8);
        start(consume("/query").method("POST").body(query, "application/json").handler(batch -> { }));

        await().atMost(Duration.ofSeconds(10)).until(() -> bodies.size() == 1);
        advanceUntil(() -> bodies.size() == 2);
        assertThat(bodies).containsOnly("{\"topic\":\"prices\"}");
        List<SseTestServer.Seen> seen = server.requests("/query");
        assertThat(seen).extracting(SseTestServer.Seen::method).containsOnly("POST");
        assertThat(seen.get(0).header("Content-Type")).isEqualTo("application/json");
        assertThat(seen.get(1).header("Last-Event-ID")).isEqualTo("1");
    }

    /** Lets each pending reconnect delay pass (not the 5-minute read-idle watchdog) until done. */
    private void advanceUntil(Callable<Boolean> done) {
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            List<Duration> pending = timer.pendingDelays();
            if (!pending.isEmpty() && pending.get(0).compareTo(Duration.ofMinutes(1)) < 0) {
                timer.advance(pending.get(0));
            }
            return done.call();
        });
    }

    @Test
    void sendsReportAndKeepsMethodAndBodyAcrossA307ButNotA303() {
        List<String> seen = new CopyOnWriteArrayList<>();
        server.on("/report-307", req -> req.response().setStatusCode(307).putHeader("Location", "/report-here").end());
        server.on("/report-303", req -> req.response().setStatusCode(303).putHeader("Location", "/report-here").end());
        server.on("/report-here", req -> req.body().onSuccess(b -> {
            seen.add(req.method().name() + " " + b.toString(StandardCharsets.UTF_8) + " "
                    + req.getHeader("Content-Type"));
            SseTestServer.open(req).write(": hi\n\n");
        }));
        byte[] body = "<q/>".getBytes(StandardCharsets.UTF_8);
        start(consume("/report-307").method("REPORT").body(body, "application/xml").handler(batch -> { }));
        await().atMost(Duration.ofSeconds(10)).until(() -> seen.size() == 1);
        start(consume("/report-303").method("REPORT").body(body, "application/xml").handler(batch -> { }));
        await().atMost(Duration.ofSeconds(10)).until(() -> seen.size() == 2);

        assertThat(seen).containsExactly("REPORT <q/> application/xml", "GET  null");
        assertThat(server.requests("/report-307").get(0).method()).isEqualTo("REPORT");
    }

    @Test
    void restartReconnectsAtOnceFromTheLastFinishedEvent() {
        server.on("/restart", req -> {
            String last = req.getHeader("Last-Event-ID");
            int from = last == null ? 1 : Integer.parseInt(last) + 1;
            SseTestServer.open(req).write(SseTestServer.event(String.valueOf(from), "e" + from)
                    + SseTestServer.event(String.valueOf(from + 1), "e" + (from + 1)));
        });
        List<String> handled = new CopyOnWriteArrayList<>();
        start(consume("/restart").listener(listener).handler(batch -> batch.forEach(m -> handled.add(m.data()))));
        await().atMost(Duration.ofSeconds(10)).until(() -> handled.size() == 2 && listener.control.get() != null);
        await().atMost(Duration.ofSeconds(10)).until(() -> listener.control.get().lastEventId()
                .equals(Optional.of("2")));

        listener.control.get().restart();   // no time passes on the manual timer: no backoff delay

        await().atMost(Duration.ofSeconds(10)).until(() -> handled.size() == 4);
        assertThat(handled).containsExactly("e1", "e2", "e3", "e4");
        assertThat(server.requests("/restart")).extracting(s -> s.header("Last-Event-ID")).containsExactly(null, "2");
        await().atMost(Duration.ofSeconds(10)).until(() -> listener.calls.size() == 3);
        assertThat(listener.calls).containsExactly("open", "closed: restarted by the application", "open");
    }

    @Test
    void restartCutsAPendingBackoffShortAndReopensAStreamThatEnded() {
        AtomicInteger calls = new AtomicInteger();
        server.on("/restart-waiting", req -> {
            switch (calls.incrementAndGet()) {
                case 1 -> req.response().setStatusCode(500).end();
                case 2 -> req.response().setStatusCode(204).end();
                default -> SseTestServer.open(req).write(SseTestServer.event("1", "back"));
            }
        });
        List<String> handled = new CopyOnWriteArrayList<>();
        App app = start(consume("/restart-waiting").listener(listener)
                .handler(batch -> batch.forEach(m -> handled.add(m.data()))));
        await().atMost(Duration.ofSeconds(10)).until(() -> listener.calls.size() == 1 && timer.pending() == 1);

        listener.control.get().restart();    // waiting 1 s for a retry: go now
        await().atMost(Duration.ofSeconds(10)).until(() -> listener.calls.size() == 2);
        assertThat(listener.calls.get(1)).contains("204");
        listener.control.get().restart();    // ended for good: open again

        await().atMost(Duration.ofSeconds(10)).until(() -> handled.contains("back"));
        assertThat(calls.get()).isEqualTo(3);
        assertThat(app.health().isUp()).isTrue();
    }

    @Test
    void aThrowingListenerDoesNotHurtTheStream() {
        server.on("/throwing", req -> SseTestServer.open(req).write(": c\n\n" + SseTestServer.event("1", "ok")));
        List<String> handled = new CopyOnWriteArrayList<>();
        start(consume("/throwing").comments(true).listener(new SseListener() {
            @Override
            public void onOpen(SseStreamControl stream) {
                throw new IllegalStateException("listener bug");
            }

            @Override
            public void onComment(SseStreamControl stream, String comment) {
                throw new IllegalStateException("listener bug");
            }
        }).handler(batch -> batch.forEach(m -> handled.add(m.data()))));

        await().atMost(Duration.ofSeconds(10)).until(() -> handled.contains("ok"));
    }

    @Test
    void stoppingTheAppClosesAnOpenStream() {
        server.on("/stop", req -> SseTestServer.open(req).write(": open\n\n"));
        App app = start(consume("/stop").listener(listener).handler(batch -> { }));
        await().atMost(Duration.ofSeconds(10)).until(() -> listener.calls.size() == 1);

        app.stop();

        await().atMost(Duration.ofSeconds(10)).until(() -> listener.calls.size() == 2);
        assertThat(listener.calls).containsExactly("open", "closed: the app stopped");
        listener.control.get().restart();   // stopped: nothing to restart
        app.close();
        listener.control.get().restart();   // closed, its event loops gone: still harmless
        assertThat(server.requests("/stop")).hasSize(1);
    }
}
