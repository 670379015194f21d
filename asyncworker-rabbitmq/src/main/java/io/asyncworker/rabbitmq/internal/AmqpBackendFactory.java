package io.asyncworker.rabbitmq.internal;

import io.asyncworker.Route;
import io.asyncworker.RouteType;
import io.asyncworker.Setting;
import io.asyncworker.rabbitmq.AmqpSettings;
import io.asyncworker.spi.Backend;
import io.asyncworker.spi.BackendContext;
import io.asyncworker.spi.BackendFactory;
import java.util.List;
import java.util.Optional;

/** Plugs the RabbitMQ backend into the core; found through {@code META-INF/services}. */
public final class AmqpBackendFactory implements BackendFactory {

    @Override
    public RouteType type() {
        return RouteType.AMQP_RABBITMQ;
    }

    @Override
    public List<Setting<?>> settings() {
        return AmqpSettings.ALL;
    }

    @Override
    public int startPhase() {
        return PHASE_CONSUMER;
    }

    /** Also for a publish-only app: the backend closes the registered connections' publishers at stop. */
    @Override
    public boolean isNeeded(BackendContext context) {
        return !context.routes().isEmpty() || !context.connections().isEmpty();
    }

    @Override
    public void validate(BackendContext context) {
        for (Route r : context.routes()) {
            RouteConnections.resolve(RouteConnections.amqp(r), context.connections());
        }
    }

    @Override
    public List<String> check(BackendContext context) {
        return BrokerProbe.check(context);
    }

    /** A RabbitMQ on this machine, an embedded broker or a container, for {@code --dev}. */
    @Override
    public Optional<String> devServiceModule() {
        return Optional.of("io.asyncworker:asyncworker-devbroker");
    }

    @Override
    public Backend create(BackendContext context) {
        return new AmqpBackend(context);
    }
}
