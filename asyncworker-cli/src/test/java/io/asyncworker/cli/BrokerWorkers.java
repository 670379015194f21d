package io.asyncworker.cli;

import io.asyncworker.App;
import io.asyncworker.rabbitmq.AmqpConnection;
import io.asyncworker.rabbitmq.AmqpRoute;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/** RabbitMQ workers for the CLI broker tests; the queue comes from the CLI_TEST_QUEUE property. */
final class BrokerWorkers {
    static final AtomicReference<App> LAST = new AtomicReference<>();
    static final LongAdder HANDLED = new LongAdder();

    private BrokerWorkers() {
    }

    /** Consumes an existing queue (does not declare it). */
    public static App app() {
        App app = App.create().connection(AmqpConnection.fromEnv());
        app.route(AmqpRoute.consume(System.getProperty("CLI_TEST_QUEUE"))
                .bulkSize(20)
                .flushTimeout(Duration.ofMillis(200))
                .handler(batch -> HANDLED.add(batch.size())));
        LAST.set(app);
        return app;
    }
}
