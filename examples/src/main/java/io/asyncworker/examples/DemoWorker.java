package io.asyncworker.examples;

import io.asyncworker.App;
import io.asyncworker.Key;
import io.asyncworker.http.HttpAddress;
import io.asyncworker.http.HttpRoute;
import io.asyncworker.http.Response;
import io.asyncworker.rabbitmq.AmqpConnection;
import io.asyncworker.rabbitmq.AmqpRoute;
import io.asyncworker.rabbitmq.QueueDeclaration;
import io.asyncworker.scheduler.Schedule;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo: a schedule publishes 25 messages to {@code EXAMPLE_QUEUE} (default asyncworker-demo)
 * at start and every 10 s, a bulk consumer takes them in batches of up to 10 (or what arrived
 * within 1 s), and {@code GET /stats} on the HTTP port counts batches and messages, next to
 * {@code /metrics} and {@code /health}. Ctrl-C stops it gracefully.
 */
public final class DemoWorker {
    private static final Logger LOG = LoggerFactory.getLogger(DemoWorker.class);
    /** Handled batches and messages. */
    public static final Key<Stats> STATS = Key.of("stats", Stats.class);
    /** Counters shared by the consumer and the HTTP route. */
    public record Stats(LongAdder batches, LongAdder messages) {
    }

    public static App app() {
        String queue = Env.get("EXAMPLE_QUEUE", "asyncworker-demo");
        AmqpConnection rabbit = AmqpConnection.fromEnv();
        Stats stats = new Stats(new LongAdder(), new LongAdder());
        App app = App.create().connection(rabbit).put(STATS, stats);
        app.route(AmqpRoute.consume(queue).declare(QueueDeclaration.durable())
                .bulkSize(10).flushTimeout(Duration.ofSeconds(1))
                .handler(batch -> {
                    stats.batches().increment();
                    stats.messages().add(batch.size());
                    LOG.info("batch of {}: '{}' .. '{}'", batch.size(),
                            batch.getFirst().bodyAsString(), batch.getLast().bodyAsString());
                }));
        app.route(Schedule.every(Duration.ofSeconds(10)).name("demo-producer").runOnStartup(true).handler(ctx -> {
            for (int i = 1; i <= 25; i++) {
                rabbit.publish("", queue, "demo message " + i + " of round " + ctx.runNumber());
            }
            LOG.info("published 25 demo messages to queue '{}'; try: curl {}/stats", queue,
                    HttpAddress.of(ctx.app()).map(a -> a.uri().toString()).orElse("(no HTTP)"));
        }));
        return app.route(HttpRoute.get("/stats", req -> Response.json(
                Map.of("batches", stats.batches().sum(), "messages", stats.messages().sum()))));
    }

    public static void main(String[] args) {
        app().run();
    }
}
