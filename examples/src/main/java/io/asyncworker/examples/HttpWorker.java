package io.asyncworker.examples;

import io.asyncworker.App;
import io.asyncworker.http.HttpRoute;
import io.asyncworker.http.Response;
import io.asyncworker.rabbitmq.AmqpConnection;
import io.asyncworker.rabbitmq.AmqpRoute;
import io.asyncworker.rabbitmq.QueueDeclaration;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTP next to a consumer: page views from {@code EXAMPLE_QUEUE} (default page-views) are counted
 * per page, {@code GET /views/{page}} reads a count, and the built-in {@code /metrics}
 * (Prometheus) and {@code /health} (200 while the consumer is subscribed, else 503) come with the
 * HTTP server on {@code ASYNCWORKER_HTTP_HOST:PORT} (127.0.0.1:8080).
 */
public final class HttpWorker {
    private static final Logger LOG = LoggerFactory.getLogger(HttpWorker.class);

    /** A page view as published on the queue. */
    public record PageView(String page, String user) {
    }

    public static App app() {
        Map<String, Long> views = new ConcurrentHashMap<>();
        AmqpConnection rabbit = AmqpConnection.fromEnv();
        App app = App.create().connection(rabbit);
        app.onStartup(a -> BrokerKind.warnUnlessRabbitMq(rabbit, LOG, "HttpWorker",
                "of several rejected non-page-views in a row only the last is dropped at once (basic.nack multiple)"));
        app.route(AmqpRoute.consume(Env.get("EXAMPLE_QUEUE", "page-views"))
                .declare(QueueDeclaration.durable())
                .bodyType(PageView.class)                    // not a page view: rejected before the handler
                .bulkSize(100)
                .flushTimeout(Duration.ofMillis(500))
                .handler(batch -> batch.forEach(m -> views.merge(m.body(PageView.class).page(), 1L, Long::sum))));
        app.route(HttpRoute.get("/views/{page}", req -> {
            String page = req.pathParam("page");
            return Response.json(Map.of("page", page, "views", views.getOrDefault(page, 0L)));
        }));
        return app;
    }

    public static void main(String[] args) {
        app().run();
    }
}
