package io.asyncworker.cli;

import io.asyncworker.App;
import io.asyncworker.rabbitmq.AmqpConnection;
import io.asyncworker.RetryPolicy;
import io.asyncworker.rabbitmq.AmqpRoute;
import io.asyncworker.rabbitmq.QueueDeclaration;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/** RabbitMQ workers for the CLI broker tests; the queue comes from the CLI_TEST_QUEUE property. */
final class BrokerWorkers {
    static final AtomicReference<App> LAST = new AtomicReference<>();
    static final LongAdder HANDLED = new LongAdder();

    private BrokerWorkers() {
    }

    /** Consumes the queue with a retry policy of one attempt: a failing message is parked at once. */
    public static final class Parking {
        /** Messages whose body is {@code fail} fail. */
        public static App app() {
            App app = App.create().connection(AmqpConnection.fromEnv());
            app.route(AmqpRoute.consume(System.getProperty("CLI_TEST_QUEUE")).declare(QueueDeclaration.durable())
                    .retry(RetryPolicy.builder().maxAttempts(1).build())
                    .handler(batch -> {
                        HANDLED.add(batch.size());
                        if (batch.get(0).bodyAsString().equals("fail")) {
                            throw new IllegalStateException("parked for the test");
                        }
                    }));
            LAST.set(app);
            return app;
        }
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
