package io.asyncworker.examples;

import io.asyncworker.rabbitmq.AmqpSettings;
import io.asyncworker.http.HttpSettings;
import io.asyncworker.App;
import io.asyncworker.Settings;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * One example started for a test: its knobs set as system properties (UUID-named queues, HTTP on
 * a free port), then stopped, the properties cleared and the queues deleted.
 */
final class Example implements AutoCloseable {
    private final List<String> properties = new ArrayList<>();
    private final List<String> queues = new ArrayList<>();
    private App app;

    /** Every example's HTTP server (metrics and health at least) listens on a free port. */
    Example() {
        set(HttpSettings.PORT.name(), "0");
    }

    Example set(String name, String value) {
        System.setProperty(name, value);
        properties.add(name);
        return this;
    }

    /** A fresh queue name, deleted at close. */
    String queue(String prefix) {
        String queue = prefix + "-" + UUID.randomUUID();
        queues.add(queue);
        return queue;
    }

    Example withBroker() {
        return set(AmqpSettings.URL.name(), Broker.URL);
    }

    /** Deletes this queue at close too. */
    String alsoDelete(String queue) {
        queues.add(queue);
        return queue;
    }

    App start(Supplier<App> factory) {
        app = factory.get();
        app.start();
        return app;
    }

    App app() {
        return app;
    }

    @Override
    public void close() {
        try {
            if (app != null) {
                app.close();
            }
        } finally {
            properties.forEach(System::clearProperty);
            queues.forEach(Broker::delete);
        }
    }
}
