package io.asyncworker.devbroker;

import io.asyncworker.App;
import io.asyncworker.rabbitmq.AmqpConnection;
import io.asyncworker.rabbitmq.AmqpRoute;
import io.asyncworker.rabbitmq.QueueDeclaration;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/** A RabbitMQ worker for the dev mode tests; the queue comes from the DEV_TEST_QUEUE property. */
public final class DevWorker {
    static final AtomicReference<App> LAST = new AtomicReference<>();
    static final LongAdder HANDLED = new LongAdder();

    private DevWorker() {
    }

    /** Consumes (and declares) a queue, counting what it handles. */
    public static App app() {
        App app = App.create().connection(AmqpConnection.fromEnv());
        app.route(AmqpRoute.consume(System.getProperty("DEV_TEST_QUEUE"))
                .declare(QueueDeclaration.durable())
                .bulkSize(10)
                .flushTimeout(Duration.ofMillis(200))
                .handler(batch -> HANDLED.add(batch.size())));
        LAST.set(app);
        return app;
    }
}
