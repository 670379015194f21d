package io.asyncworker.bench.rabbit;

import io.asyncworker.http.HttpSettings;
import io.asyncworker.App;
import io.asyncworker.Settings;
import io.asyncworker.bench.Params;
import io.asyncworker.rabbitmq.AmqpConnection;
import io.asyncworker.rabbitmq.AmqpRoute;
import io.asyncworker.rabbitmq.RabbitMQMessage;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * asyncworker: one AmqpRoute with the given bulk size on a connection with the given prefetch; the
 * handler decodes each body with Jackson ({@code m.body(Item.class)}) and leaves the acks to the
 * framework (onSuccess ACK). Settings are the defaults, except the HTTP port (random), so the
 * built-in /metrics and /health server runs as it would in production. With {@code tracing=on} the app
 * is traced ({@link TracedApp}).
 */
public final class AsyncworkerConsumer {
    private AsyncworkerConsumer() {
    }

    public static Map<String, Object> run(Params params) throws Exception {
        int count = params.getInt("count");
        AtomicLong seen = new AtomicLong();
        CountDownLatch done = new CountDownLatch(1);
        Drain drain = new Drain();
        App app = App.builder().settings(settings()).observations(TracedApp.observations(params)).build();
        app.connection(connection(params.getInt("prefetch")));
        app.route(AmqpRoute.consume(params.get("queue")).bulkSize(params.getInt("bulk"))
                .handler(batch -> {
                    drain.started();
                    for (RabbitMQMessage m : batch) {
                        m.body(Item.class);
                    }
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
            boolean finished = done.await(params.getInt("timeoutSeconds", 600), TimeUnit.SECONDS);
            Map<String, Object> result = drain.done(seen.get());
            result.put("appStart", startSeconds);
            if (!finished) {
                throw new IllegalStateException("asyncworker saw only " + seen.get() + " of " + count);
            }
            return result;
        } finally {
            app.close();
        }
    }

    static Settings settings() {
        return Settings.from(Map.of(HttpSettings.PORT.name(), "0", HttpSettings.HOST.name(), "127.0.0.1"));
    }

    static AmqpConnection connection(int prefetch) {
        return AmqpConnection.builder().host(Broker.HOST).port(Broker.PORT).username("guest").password("guest")
                .prefetch(prefetch).build();
    }
}
