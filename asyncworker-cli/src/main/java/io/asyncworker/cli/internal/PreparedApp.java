package io.asyncworker.cli.internal;

import io.asyncworker.App;
import io.asyncworker.RouteType;
import io.asyncworker.rabbitmq.AmqpSettings;
import java.util.Optional;

/** A worker's app, built after the dev service (if asked for) made sure a RabbitMQ answers. */
final class PreparedApp implements AutoCloseable {
    private final App app;
    private final Optional<DevBroker.Container> container;

    private PreparedApp(App app, Optional<DevBroker.Container> container) {
        this.app = app;
        this.container = container;
    }

    /** Builds an app once. */
    @FunctionalInterface
    interface Builder {
        App build() throws WorkerException;
    }

    /**
     * Builds the app; in dev mode ({@code --dev} or {@code ASYNCWORKER_DEV=true}) and when it has
     * RabbitMQ routes or connections, runs the dev service, and builds the app again when a
     * container now provides the broker (settings are read when an app is created).
     */
    static PreparedApp prepare(Builder builder, boolean devFlag, DevBroker broker)
            throws WorkerException, DevBrokerException {
        App app = builder.build();
        if (!(devFlag || app.settings().dev()) || !usesRabbitMq(app)) {
            return new PreparedApp(app, Optional.empty());
        }
        Optional<DevBroker.Container> started;
        try {
            started = broker.ensure(app.settings());
        } catch (DevBrokerException e) {
            app.close();
            throw e;
        }
        if (started.isEmpty()) {
            return new PreparedApp(app, started);
        }
        app.close();
        try {
            return new PreparedApp(builder.build(), started);
        } catch (WorkerException | RuntimeException e) {
            started.get().close();
            throw e;
        }
    }

    private static boolean usesRabbitMq(App app) {
        return app.routes().stream().anyMatch(r -> r.type().equals(RouteType.AMQP_RABBITMQ))
                || app.connections().stream().anyMatch(c -> c.type().equals(RouteType.AMQP_RABBITMQ));
    }

    App app() {
        return app;
    }

    @Override
    public void close() {
        try {
            app.close();
        } finally {
            container.ifPresent(c -> {
                c.close();
                System.clearProperty(AmqpSettings.URL.name());
            });
        }
    }
}
