package io.asyncworker.bench.sse;

import io.asyncworker.http.HttpSettings;
import com.launchdarkly.eventsource.EventSource;
import com.launchdarkly.eventsource.MessageEvent;
import com.launchdarkly.eventsource.background.BackgroundEventHandler;
import com.launchdarkly.eventsource.background.BackgroundEventSource;
import io.asyncworker.App;
import io.asyncworker.Settings;
import io.asyncworker.bench.Params;
import io.asyncworker.bench.rabbit.Drain;
import io.asyncworker.sse.SseRoute;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** The SSE contenders, each run in its own JVM against the driver's {@link EventServer}. */
public final class SseClients {
    private SseClients() {
    }

    /** asyncworker-sse: SseRoute with the given bulk size; the handler counts the events. */
    public static Map<String, Object> asyncworker(Params params) throws Exception {
        int count = params.getInt("count");
        AtomicLong seen = new AtomicLong();
        CountDownLatch done = new CountDownLatch(1);
        Drain drain = new Drain();
        App app = App.create(Settings.from(Map.of(HttpSettings.PORT.name(), "0", HttpSettings.HOST.name(), "127.0.0.1")));
        app.route(SseRoute.consume(params.get("url")).bulkSize(params.getInt("bulk"))
                .flushTimeout(Duration.ofMillis(100)).handler(batch -> {
                    drain.started();
                    long n = seen.addAndGet(batch.size());
                    drain.progress(n, count);
                    if (n >= count) {
                        done.countDown();
                    }
                }));
        try {
            long t0 = System.nanoTime();
            app.start();
            double startSeconds = (System.nanoTime() - t0) / 1e9;
            Map<String, Object> result = finish(drain, done, seen, count, params);
            result.put("appStart", startSeconds);
            return result;
        } finally {
            app.close();
        }
    }

    /** okhttp-eventsource's BackgroundEventSource: onMessage counts the events. */
    public static Map<String, Object> okhttpBackground(Params params) throws Exception {
        int count = params.getInt("count");
        AtomicLong seen = new AtomicLong();
        CountDownLatch done = new CountDownLatch(1);
        Drain drain = new Drain();
        BackgroundEventHandler handler = new BackgroundEventHandler() {
            @Override
            public void onOpen() {
            }

            @Override
            public void onClosed() {
            }

            @Override
            public void onMessage(String event, MessageEvent message) {
                drain.started();
                long n = seen.incrementAndGet();
                drain.progress(n, count);
                if (n >= count) {
                    done.countDown();
                }
            }

            @Override
            public void onComment(String comment) {
            }

            @Override
            public void onError(Throwable t) {
            }
        };
        try (BackgroundEventSource source = new BackgroundEventSource.Builder(handler,
                new EventSource.Builder(URI.create(params.get("url")))).build()) {
            source.start();
            return finish(drain, done, seen, count, params);
        }
    }

    /** okhttp-eventsource's pull API (EventSource.messages()) on the calling thread. */
    public static Map<String, Object> okhttpPull(Params params) throws Exception {
        int count = params.getInt("count");
        long seen = 0;
        Drain drain = new Drain();
        try (EventSource source = new EventSource.Builder(URI.create(params.get("url"))).build()) {
            for (MessageEvent ignored : source.messages()) {
                drain.started();
                drain.progress(++seen, count);
                if (seen >= count) {
                    break;
                }
            }
        }
        return drain.done(seen);
    }

    private static Map<String, Object> finish(Drain drain, CountDownLatch done, AtomicLong seen, int count,
            Params params) throws InterruptedException {
        boolean finished = done.await(params.getInt("timeoutSeconds", 300), TimeUnit.SECONDS);
        Map<String, Object> result = drain.done(seen.get());
        if (!finished) {
            throw new IllegalStateException("saw only " + seen.get() + " of " + count + " events");
        }
        return result;
    }
}
